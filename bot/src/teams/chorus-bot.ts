import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
  type ConversationParameters,
  type TeamInfo,
} from 'botbuilder';
import type { Logger } from 'pino';
import { welcomeCard } from '../cards/welcome-card.js';
import { parseCommand } from '../domain/bot/commands.js';
import type { Language } from '../http/contract/common.js';
import type { ConversationKind, ConversationsRepo } from '../storage/repos/conversations.js';
import type { PeopleRepo, Person } from '../storage/repos/people.js';
import type { BotReplies, Reply } from './bot-replies.js';

export interface ChorusBotDeps {
  people: PeopleRepo;
  conversations: ConversationsRepo;
  replies: BotReplies;
  publicUrl: string;
  botAppId: string;
  log: Logger;
}

const PERSON = Symbol('chorus.person');

const languageOf = (locale: string | undefined): Language | null => {
  const tag = (locale ?? '').toLowerCase();
  return tag.startsWith('de') ? 'de' : tag.startsWith('en') ? 'en' : null;
};

function kindOf(conversationType: string | undefined): ConversationKind {
  return conversationType === 'channel' ? 'channel' : conversationType === 'groupChat' ? 'groupChat' : 'personal';
}

/**
 * The Teams side of Chorus: remembers every conversation it is in (so it can reach people
 * later), greets on install, answers commands and card actions. What to say lives in
 * bot-replies.ts; this class only translates between Teams activities and those replies.
 */
export class ChorusBot extends TeamsActivityHandler {
  constructor(private readonly deps: ChorusBotDeps) {
    super();

    this.onMessage(async (context, next) => {
      const person = this.personOf(context);
      const submitted = context.activity.value as { verb?: unknown } | undefined;
      if (person && typeof submitted?.verb === 'string') {
        // Action.Submit, the fallback of older clients for Action.Execute: answer with a new card.
        const card = await deps.replies.action(submitted.verb, submitted as Record<string, unknown>, person, this.lang(context, person), context.activity.from.id);
        if (card) await context.sendActivity(toActivity({ card }));
      } else if (person) {
        for (const reply of await deps.replies.command(parseCommand(context.activity.text), person, this.lang(context, person))) {
          await context.sendActivity(toActivity(reply));
        }
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      const person = this.personOf(context);
      if (person && kindOf(context.activity.conversation.conversationType) === 'personal') {
        await context.sendActivity(
          toActivity({ card: welcomeCard({ displayName: person.displayName, tabUrl: `${deps.publicUrl}/tab/?page=share`, isNewHire: false }, this.lang(context, person)) }),
        );
      }
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      const conversation = context.activity.conversation;
      await deps.conversations.setStatus(conversation.id, 'gone');
      const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
      if (teamId) await deps.conversations.markTeamGone(teamId);
      await next();
    });

    // Installed in a team: everyone who joins gets a 1:1 chat, so announcements can reach them.
    this.onTeamsMembersAddedEvent(async (membersAdded: ChannelAccount[], _team: TeamInfo, context, next) => {
      const botId = context.activity.recipient.id;
      for (const member of membersAdded) {
        if (member.id === botId) continue;
        await this.openPersonalChat(context, member).catch((err: unknown) => deps.log.warn({ err }, 'could not open a 1:1 chat for a new team member'));
      }
      await next();
    });
  }

  /** Every activity, before the handlers: remember who and where. */
  override async run(context: TurnContext): Promise<void> {
    await this.remember(context);
    await super.run(context);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const person = this.personOf(context);
    const action = invokeValue.action;
    const card = person
      ? await this.deps.replies.action(action.verb, (action.data ?? {}) as Record<string, unknown>, person, this.lang(context, person), context.activity.from.id)
      : undefined;
    if (!card) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Unknown action' } as never };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  }

  private async remember(context: TurnContext): Promise<void> {
    const { activity } = context;
    const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    if (!activity.conversation?.id || !tenantId || !activity.serviceUrl) return;
    const kind = kindOf(activity.conversation.conversationType);
    let person: Person | undefined;
    if (activity.from?.aadObjectId) {
      person = await this.deps.people.upsertFromTeams({
        aadObjectId: activity.from.aadObjectId,
        tenantId,
        name: activity.from.name ?? 'Colleague',
        language: languageOf(activity.locale),
      });
      context.turnState.set(PERSON, person);
    }
    // Personal chats belong to one person; team and group chats to nobody in particular.
    await this.deps.conversations.upsert({
      id: activity.conversation.id,
      kind,
      tenantId,
      serviceUrl: activity.serviceUrl,
      personId: kind === 'personal' ? (person?.id ?? null) : null,
      teamId: (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id ?? null,
      reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
    });
  }

  private async openPersonalChat(context: TurnContext, member: ChannelAccount): Promise<void> {
    const tenantId = context.activity.conversation.tenantId ?? (context.activity.channelData as { tenant?: { id?: string } }).tenant?.id ?? '';
    const parameters = {
      isGroup: false,
      bot: context.activity.recipient,
      members: [member],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    const adapter = context.adapter as unknown as {
      createConversationAsync(appId: string, channelId: string, serviceUrl: string, audience: string, params: ConversationParameters, logic: (ctx: TurnContext) => Promise<void>): Promise<void>;
    };
    await adapter.createConversationAsync(this.deps.botAppId, context.activity.channelId, context.activity.serviceUrl, 'https://api.botframework.com', parameters, async (turn) => {
      const reference = TurnContext.getConversationReference(turn.activity);
      const person = member.aadObjectId
        ? await this.deps.people.upsertFromTeams({ aadObjectId: member.aadObjectId, tenantId, name: member.name ?? 'Colleague', language: null })
        : undefined;
      await this.deps.conversations.upsert({
        id: turn.activity.conversation.id,
        kind: 'personal',
        tenantId,
        serviceUrl: context.activity.serviceUrl,
        personId: person?.id ?? null,
        teamId: null,
        reference: reference as Record<string, unknown>,
      });
    });
  }

  private personOf(context: TurnContext): Person | undefined {
    return context.turnState.get(PERSON) as Person | undefined;
  }

  /** The person's chosen language, else the Teams client's. */
  private lang(context: TurnContext, person: Person): Language {
    return person.language ?? languageOf(context.activity.locale) ?? 'en';
  }
}

function toActivity(reply: Reply) {
  return 'card' in reply ? { attachments: [CardFactory.adaptiveCard(reply.card)] } : { text: reply.text };
}

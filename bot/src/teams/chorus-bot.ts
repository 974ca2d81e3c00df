import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ChannelAccount,
  type ConversationParameters,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { WelcomeCause } from '../notifications/kinds/welcome.js';
import { parseCommand } from '../domain/bot/commands.js';
import { languageOfTag, type Language } from '../domain/model/common.js';
import type { ReadReceiptsRepo } from '../storage/repos/read-receipts.js';
import type { ConversationKind, ConversationsRepo } from '../storage/repos/conversations.js';
import type { PeopleRepo, Person } from '../storage/repos/people.js';
import type { BotReplies, Reply } from './bot-replies.js';

export interface ChorusBotDeps {
  people: PeopleRepo;
  conversations: ConversationsRepo;
  replies: BotReplies;
  /**
   * Queues the welcome card (services/welcome.ts): the delivery worker sends it at the
   * tenant's pace, once per person. Nothing is sent inline on install or team join.
   */
  welcome: (personId: string, cause: WelcomeCause) => Promise<unknown>;
  botAppId: string;
  /** Tenants the bot serves; an empty list serves every tenant (local development). */
  tenantIds: string[];
  /** Read receipts of personal chats, counted per announcement (never per person). */
  readReceipts?: Pick<ReadReceiptsRepo, 'record'>;
  log: Logger;
}

const CHAT_ONLY = {
  de: 'Schreiben Sie mir dafür bitte im persönlichen Chat – dort bleiben Ihre Links und Einstellungen privat.',
  en: 'Please write to me in a 1:1 chat for that — your links and settings stay private there.',
} as const;

/** Channel replies carry ";messageid=…": the channel itself is the conversation to keep. */
const baseConversationId = (id: string) => id.split(';messageid=')[0] as string;

const PERSON = Symbol('chorus.person');

const languageOf = languageOfTag;

function kindOf(conversationType: string | undefined): ConversationKind {
  return conversationType === 'channel' ? 'channel' : conversationType === 'groupChat' ? 'groupChat' : 'personal';
}

/**
 * The Teams side of Chorus: remembers every conversation it is in (so it can reach people
 * later), queues the welcome on install, answers commands and card actions. What to say lives in
 * bot-replies.ts; this class only translates between Teams activities and those replies.
 */
export class ChorusBot extends TeamsActivityHandler {
  constructor(private readonly deps: ChorusBotDeps) {
    super();

    this.onMessage(async (context, next) => {
      const person = this.personOf(context);
      const submitted = context.activity.value as { verb?: unknown } | undefined;
      if (kindOf(context.activity.conversation.conversationType) !== 'personal') {
        // Share links and settings are personal: never post them where others can use them.
        await context.sendActivity(CHAT_ONLY[languageOf(context.activity.locale) ?? 'en']);
      } else if (!person) {
        // No Entra identity on the activity (not from Teams itself): the help card, not silence.
        for (const reply of await deps.replies.command('help', undefined, languageOf(context.activity.locale) ?? 'en')) {
          await context.sendActivity(toActivity(reply));
        }
      } else if (typeof submitted?.verb === 'string') {
        // Action.Submit, the fallback of older clients for Action.Execute: answer with a new card.
        const card = await deps.replies.action(submitted.verb, submitted as Record<string, unknown>, person, this.lang(context, person), context.activity.from.id);
        if (card) await context.sendActivity(toActivity({ card }));
      } else if (person) {
        for (const reply of await deps.replies.command(parseCommand(context.activity.text), person, this.lang(context, person), context.activity.from.id)) {
          await context.sendActivity(toActivity(reply));
        }
      }
      await next();
    });

    // "add-upgrade" and "remove-upgrade" (a new app version) arrive here too: not a new install.
    // The welcome card is queued, not sent: a rollout by admin policy installs Chorus for
    // thousands within a minute, and answering each inline breaks Teams' 50 requests/s.
    this.onInstallationUpdateAdd(async (context, next) => {
      const person = this.personOf(context);
      if (context.activity.action === 'add' && person && kindOf(context.activity.conversation.conversationType) === 'personal') {
        await deps.welcome(person.id, 'install');
      }
      await next();
    });

    // Teams sends these only with the RSC permission ChatMessageReadReceipt.Read.Chat, and
    // only for people whose read receipts are on. Nothing is answered.
    this.onTeamsReadReceiptEvent(async (receipt, context, next) => {
      if (kindOf(context.activity.conversation.conversationType) === 'personal') {
        await deps.readReceipts?.record(baseConversationId(context.activity.conversation.id), receipt.lastReadMessageId);
      }
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      if (context.activity.action !== 'remove') return next();
      const conversation = context.activity.conversation;
      await deps.conversations.setStatus(baseConversationId(conversation.id), 'gone');
      const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
      if (teamId) await deps.conversations.markTeamGone(teamId);
      await next();
    });
  }

  /** Every activity, before the handlers: remember who and where (only for our tenants). */
  override async run(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context);
    if (this.deps.tenantIds.length > 0 && (!tenantId || !this.deps.tenantIds.includes(tenantId))) {
      this.deps.log.warn('activity from a tenant Chorus does not serve: ignored');
      return;
    }
    await this.remember(context);
    await super.run(context);
  }

  /**
   * Installed in a team: everyone who joins gets a 1:1 chat, so announcements can reach
   * them, and the welcome card (queued, once per person, like an install's). Replaces botbuilder's default, which looks every member up first and abandons
   * the whole batch when one lookup fails; the activity already says who joined.
   */
  protected override async onTeamsMembersAdded(context: TurnContext): Promise<void> {
    const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    const botId = context.activity.recipient.id;
    if (teamId) {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id === botId) continue;
        const known = member.aadObjectId ? await this.deps.people.byAadObjectId(member.aadObjectId) : undefined;
        if (known && (await this.deps.conversations.hasPersonalChat(known.id))) continue;
        const person = await this.openPersonalChat(context, member).catch((err: unknown) => {
          this.deps.log.warn({ err: (err as Error).message }, 'could not open a 1:1 chat for a new team member');
          return undefined;
        });
        if (person) await this.deps.welcome(person.id, 'team_join');
      }
    }
    await this.defaultNextEvent(context)();
  }

  /** Universal Actions: answer with the card to show; errors as the spec's error body, never a chat message. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const person = this.personOf(context);
    const action = invokeValue.action;
    try {
      const card = person
        ? await this.deps.replies.action(action.verb, (action.data ?? {}) as Record<string, unknown>, person, this.lang(context, person), context.activity.from.id)
        : undefined;
      if (!card) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Unknown action' } as never };
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
    } catch (err) {
      this.deps.log.error({ err: (err as Error).message, verb: action.verb }, 'card action failed');
      return { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'ServerError', message: 'Please try again' } as never };
    }
  }

  private async remember(context: TurnContext): Promise<void> {
    const { activity } = context;
    const tenantId = tenantOf(context);
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
    // Personal chats belong to one person; team and group chats to nobody in particular,
    // so their reference keeps no trace of whoever spoke last.
    const id = baseConversationId(activity.conversation.id);
    const { activityId: _activityId, user, ...reference } = TurnContext.getConversationReference(activity);
    await this.deps.conversations.upsert({
      id,
      kind,
      tenantId,
      serviceUrl: activity.serviceUrl,
      personId: kind === 'personal' ? (person?.id ?? null) : null,
      teamId: (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id ?? null,
      reference: { ...reference, conversation: { ...reference.conversation, id }, ...(kind === 'personal' ? { user } : {}) } as Record<string, unknown>,
    });
  }

  /** Opens the member's 1:1 chat and stores it; the person, when the member has an Entra id. */
  private async openPersonalChat(context: TurnContext, member: ChannelAccount): Promise<Person | undefined> {
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
    let person: Person | undefined;
    await adapter.createConversationAsync(this.deps.botAppId, context.activity.channelId, context.activity.serviceUrl, 'https://api.botframework.com', parameters, async (turn) => {
      const created = TurnContext.getConversationReference(turn.activity);
      // botbuilder's reference for a conversation it created names neither the user nor the kind.
      const reference = { ...created, user: member, conversation: { ...created.conversation, conversationType: 'personal' } };
      person = member.aadObjectId
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
    return person;
  }

  private personOf(context: TurnContext): Person | undefined {
    return context.turnState.get(PERSON) as Person | undefined;
  }

  /** The person's chosen language, else the Teams client's. */
  private lang(context: TurnContext, person: Person): Language {
    return person.language ?? languageOf(context.activity.locale) ?? 'en';
  }
}

function tenantOf(context: TurnContext): string | undefined {
  const { activity } = context;
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

function toActivity(reply: Reply) {
  return 'card' in reply ? { attachments: [CardFactory.adaptiveCard(reply.card)] } : { text: reply.text };
}

import { z } from 'zod';
import { crisisNoticeCard, type CrisisNoticeModel } from '../cards/crisis-card.js';
import { helpCard } from '../cards/help-card.js';
import { newContentCard, NOT_FOR_ME_INPUT_ID, NOT_FOR_ME_REASONS } from '../cards/new-content-card.js';
import { settingsCard } from '../cards/settings-card.js';
import { trainingCard, trainingCardModel } from '../cards/training-card.js';
import { AppError } from '../domain/errors.js';
import { tabLinks, type TabPage } from '../domain/tab-links.js';
import { trainingsRepo } from '../storage/repos/trainings.js';
import type { TrainingsService } from '../domain/trainings/trainings-service.js';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import type { Command } from '../domain/bot/commands.js';
import { suggestedPost } from '../domain/sharing/compose-share.js';
import { activeDisclosureIn } from '../storage/repos/campaigns.js';
import { NETWORKS, type Network } from '../domain/sharing/networks.js';
import type { Language } from '../domain/model/common.js';
import type { Posts } from '../domain/model/items.js';
import type { Db } from '../storage/db.js';
import { itemsRepo, LIVE } from '../storage/repos/items.js';
import type { Person } from '../storage/repos/people.js';
import { peopleRepo } from '../storage/repos/people.js';
import { preferencesRepo } from '../storage/repos/preferences.js';
import { sharingRepo } from '../storage/repos/sharing.js';

export type Reply = { card: AdaptiveCard } | { text: string };

const TEXTS = {
  de: {
    paused: 'Pausiert. Sie bekommen keine Ankündigungen mehr, bis Sie „start“ schreiben. Der Tab bleibt wie gewohnt nutzbar.',
    resumed: 'Willkommen zurück: Sie bekommen wieder Ankündigungen. „einstellungen“ ändert, wie oft.',
    nothingNew: 'Gerade gibt es nichts Neues zum Teilen. Schauen Sie später wieder vorbei.',
  },
  en: {
    paused: 'Paused. You will get no announcements until you type “start”. The tab works as always.',
    resumed: 'Welcome back: announcements are on again. “settings” changes how often.',
    nothingNew: 'Nothing new to share right now. Check back later.',
  },
} as const;

export const settingsSchema = z
  .object({ notificationLevel: z.enum(['every', 'digest', 'none']), language: z.enum(['de', 'en']) })
  .passthrough();

/** While crisis mode is on: the crisis notice in the reader's language; undefined otherwise. */
export type CrisisInstructions = (lang: Language) => CrisisNoticeModel | undefined;

/** What the bot says: the commands and the card actions, independent of botbuilder. */
export function botReplies(
  db: Db,
  publicUrl: string,
  trainingsService: TrainingsService,
  crisis: CrisisInstructions = () => undefined,
  tab: (page: TabPage) => string = tabLinks(publicUrl, undefined),
) {
  const items = itemsRepo(db);
  const people = peopleRepo(db);
  const preferences = preferencesRepo(db);
  const sharing = sharingRepo(db);
  const trainings = trainingsRepo(db);
  const tabUrl = tab('share');

  /** The training card as this person should see it now (undefined: not meant for them). */
  async function trainingFor(trainingId: string, person: Person, lang: Language, userId?: string): Promise<AdaptiveCard | undefined> {
    const training = await trainings.visible(trainingId, person).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return undefined;
      throw err;
    });
    if (!training) return undefined;
    return trainingCard(trainingCardModel(training, { notice: 'announce', tabUrl: tab('trainings'), recipientUserId: userId }), lang);
  }

  async function shareUrls(itemId: string, personId: string): Promise<Partial<Record<Network, string>>> {
    const token = await sharing.shareToken(itemId, personId);
    return Object.fromEntries(NETWORKS.map((n) => [n, `${publicUrl}/s/${token}?network=${n}`]));
  }

  async function settings(person: Person, lang: Language, saved = false): Promise<AdaptiveCard> {
    const prefs = await preferences.get(person.id);
    return settingsCard({ notificationLevel: prefs.notificationLevel, language: person.language, paused: prefs.paused, saved }, lang);
  }

  return {
    /** `userId`: the Teams user (29:…) the cards are for, so they refresh for them. */
    async command(command: Command | undefined, person: Person | undefined, lang: Language, userId?: string): Promise<Reply[]> {
      if (!person) return [{ card: helpCard({ tabUrl }, lang) }];
      switch (command) {
        case 'latest': {
          // Crisis mode: no share buttons anywhere; the bot says what to do instead.
          // The crisis card, not a chat message: Teams would read the admins' Markdown in a
          // message by its own rules; the card carries it under the one Markdown policy.
          const notice = crisis(lang);
          if (notice) return [{ card: crisisNoticeCard(notice, lang) }];
          const page = await items.feed({ personId: person.id, language: person.language, department: person.department, location: person.location }, { limit: 10 });
          const dismissed = new Set(
            (await db.query<{ item_id: string }>('select item_id from feedback where person_id = $1', [person.id])).map((r) => r.item_id),
          );
          const wanted = page.items.filter((i) => !dismissed.has(i.id)).slice(0, 3);
          if (wanted.length === 0) return [{ text: TEXTS[lang].nothingNew }];
          // One read for the reply, not one per card.
          const disclosure = await activeDisclosureIn(db, new Date());
          return Promise.all(
            wanted.map(async (item) => ({
              card: newContentCard(
                {
                  itemId: item.id,
                  title: item.title,
                  why: item.why,
                  imageUrl: item.imageUrl,
                  suggestedText: suggestedPost(item.posts, 'linkedin', disclosure),
                  shareUrls: await shareUrls(item.id, person.id),
                  state: item.mine.networks.length > 0 ? 'shared' : 'new',
                  sharedOn: item.mine.networks,
                  clicks: item.mine.clicks,
                  ...(userId ? { recipientUserId: userId } : {}),
                },
                lang,
              ),
            })),
          );
        }
        case 'settings':
          return [{ card: await settings(person, lang) }];
        case 'stop':
          await preferences.update(person.id, { paused: true });
          return [{ text: TEXTS[lang].paused }];
        case 'start':
          await preferences.update(person.id, { paused: false });
          return [{ text: TEXTS[lang].resumed }];
        default:
          return [{ card: helpCard({ tabUrl }, lang) }];
      }
    },

    /** Universal Actions (Action.Execute): the card to show in place of the one clicked. */
    /** `userId`: the Teams user who clicked, so the returned card keeps refreshing for them. */
    async action(verb: string, data: Record<string, unknown>, person: Person, lang: Language, userId?: string): Promise<AdaptiveCard | undefined> {
      switch (verb) {
        case 'settings.open':
          return settings(person, lang);
        case 'settings.save': {
          const parsed = settingsSchema.safeParse(data);
          if (!parsed.success) return settings(person, lang);
          await preferences.update(person.id, { notificationLevel: parsed.data.notificationLevel, language: parsed.data.language });
          await people.setLanguage(person.id, parsed.data.language);
          return settings({ ...person, language: parsed.data.language }, parsed.data.language, true);
        }
        case 'item.notForMe':
        case 'item.refresh': {
          const parsed = z.uuid().safeParse(data.itemId);
          if (!parsed.success) return undefined;
          const itemId = parsed.data;
          // Only items this person may see at all (live or once live, and meant for them).
          if (!(await items.knownTo(itemId, person))) return undefined;
          if (verb === 'item.notForMe') {
            // The reason is optional; anything but a known one is no reason (the card offers only those).
            const reason = z.enum(NOT_FOR_ME_REASONS).safeParse(data[NOT_FOR_ME_INPUT_ID]);
            await db.query(
              `insert into feedback (item_id, person_id, kind, reason) values ($1, $2, 'not_for_me', $3)
               on conflict (item_id, person_id, kind) do update set reason = coalesce(excluded.reason, feedback.reason)`,
              [itemId, person.id, reason.success ? reason.data : null],
            );
          }
          return itemCard(itemId, person, lang, userId);
        }
        case 'training.register':
        case 'training.unregister':
        case 'training.refresh': {
          const parsed = z.uuid().safeParse(data.trainingId);
          if (!parsed.success) return undefined;
          try {
            if (verb === 'training.register') await trainingsService.register(parsed.data, person);
            if (verb === 'training.unregister') await trainingsService.unregister(parsed.data, person);
          } catch (err) {
            // Cancelled or started meanwhile: the card shows that; anything else is a real failure.
            if (!(err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found'))) throw err;
          }
          return trainingFor(parsed.data, person, lang, userId);
        }
        default:
          return undefined;
      }
    },
  };

  /** The card of one item as this person should see it now. */
  async function itemCard(itemId: string, person: Person, lang: Language, userId?: string): Promise<AdaptiveCard | undefined> {
    const [row] = await db.query<{ title: string; why: string; image_url: string | null; live: boolean; not_for_me: boolean; posts: Posts | null }>(
      `select i.title, i.why, i.image_url, (${LIVE}) as live,
         exists (select 1 from feedback f where f.item_id = i.id and f.person_id = $2) as not_for_me,
         (select json_object_agg(p.network, p.text) from item_posts p where p.item_id = i.id) as posts
       from items i where i.id = $1`,
      [itemId, person.id],
    );
    if (!row) return undefined;
    const mine = await sharing.sharedOn(itemId, person.id);
    const shared = mine.networks.length > 0;
    const paused = crisis(lang) !== undefined;
    const state = row.not_for_me ? 'not_for_me' : paused ? 'paused' : !row.live ? 'expired' : shared ? 'shared' : 'new';
    return newContentCard(
      {
        itemId,
        title: row.title,
        why: row.why,
        imageUrl: row.image_url,
        suggestedText: suggestedPost(row.posts ?? {}, 'linkedin', await activeDisclosureIn(db, new Date())),
        shareUrls: row.live && !paused ? await shareUrls(itemId, person.id) : {},
        state,
        sharedOn: mine.networks,
        clicks: mine.clicks,
        ...(userId ? { recipientUserId: userId } : {}),
      },
      lang,
    );
  }
}
export type BotReplies = ReturnType<typeof botReplies>;

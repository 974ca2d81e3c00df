import type { Db } from '../../bot/src/storage/db.js';
import { guidelinesRepo } from '../../bot/src/storage/repos/guidelines.js';
import { itemsRepo } from '../../bot/src/storage/repos/items.js';
import { peopleRepo, type Person } from '../../bot/src/storage/repos/people.js';
import { sharingRepo } from '../../bot/src/storage/repos/sharing.js';
import { topicsRepo } from '../../bot/src/storage/repos/topics.js';

/**
 * Per-test data, written through the same repositories and SQL the demo seed uses (no
 * mocks): each test creates the people and content it talks about, so changing the demo
 * company changes no test. Every call gets fresh defaults (a counter keeps names, dev keys
 * and slugs unique), and every field can be overridden.
 *
 *   const admin = await anAdmin(s.db);
 *   const aylin = await aPerson(s.db, { department: 'Sales', location: 'Hamburg' });
 *   const item = await anItem(s.db, { audience: { departments: ['Sales'], locations: [] } });
 *   await api(s.url, 'GET', '/api/v1/items', { headers: aylin.headers });
 */

let counter = 0;
const next = () => ++counter;

const DAY = 86_400_000;
/** An ISO time `days` ago (negative: ahead). */
export const daysAgo = (days: number, from = Date.now()) => new Date(from - days * DAY).toISOString();

type Language = 'de' | 'en';
type Audience = { departments: string[]; locations: string[] };
const EVERYONE: Audience = { departments: [], locations: [] };

export type TestPerson = Person & {
  devKey: string;
  /** Dev sign-in as this person: `Bearer dev.<devKey>` (see bot/src/http/auth/dev-identity.ts). */
  headers: Record<string, string>;
};

/**
 * A colleague who can sign in to the API (dev sign-in). Defaults: an English-speaking
 * employee without department or location who joined long ago (not a new hire).
 */
export async function aPerson(db: Db, over: Partial<Omit<Person, 'id'>> & { aadObjectId?: string | null } = {}): Promise<TestPerson> {
  const n = next();
  const person = await peopleRepo(db).insert({
    displayName: `${over.role === 'admin' ? 'Admin' : 'Person'} ${n}`,
    role: 'employee',
    language: 'en',
    department: null,
    location: null,
    devKey: `person-${n}`,
    joinedAt: '2020-01-06T08:00:00.000Z',
    ...over,
  });
  const devKey = person.devKey as string;
  return { ...person, devKey, headers: { authorization: `Bearer dev.${devKey}` } };
}

/** An admin (stored role 'admin'), otherwise like `aPerson`. */
export const anAdmin = (db: Db, over: Parameters<typeof aPerson>[1] = {}) => aPerson(db, { role: 'admin', ...over });

/** A topic items can carry; the name in both languages defaults to the id. */
export async function aTopic(db: Db, over: { id?: string; de?: string; en?: string } = {}): Promise<{ id: string; de: string; en: string }> {
  const id = over.id ?? `topic-${next()}`;
  const topic = { id, de: over.de ?? id, en: over.en ?? id };
  await topicsRepo(db).upsert(topic);
  return topic;
}

export interface ItemOptions {
  kind?: 'article' | 'job' | 'event' | 'video' | 'product' | 'other';
  title?: string;
  url?: string;
  why?: string;
  imageUrl?: string | null;
  language?: Language;
  /** Created when missing. */
  topics?: string[];
  audience?: Audience;
  posts?: Partial<Record<'linkedin' | 'x' | 'facebook' | 'xing', string>>;
  hashtags?: string[];
  expiresAt?: string | null;
  /** published (default) and scheduled go live at `publishAt`; draft and archived never were. */
  status?: 'draft' | 'scheduled' | 'published' | 'archived';
  /** When it went or goes live; default: a minute ago (scheduled: a day ahead). */
  publishAt?: Date | string;
  campaign?: string;
  /** The admin who wrote it; default: nobody (an author who left). */
  by?: { id: string };
}

/** Content to share. Default: a published English article for everyone, with a LinkedIn and an X text. */
export async function anItem(db: Db, over: ItemOptions = {}): Promise<{ id: string; title: string; url: string }> {
  const n = next();
  const topics = over.topics ?? [];
  for (const id of await topicsRepo(db).unknown(topics)) await aTopic(db, { id });
  const record = {
    kind: over.kind ?? 'article',
    title: over.title ?? `Item ${n}`,
    url: over.url ?? `https://www.contoso.example/blog/item-${n}`,
    why: over.why ?? `Why item ${n} is worth sharing.`,
    imageUrl: over.imageUrl ?? null,
    language: over.language ?? 'en',
    topics,
    audience: over.audience ?? EVERYONE,
    posts: over.posts ?? { linkedin: `Have a look at item ${n}.`, x: `Item ${n}` },
    hashtags: over.hashtags ?? [],
    expiresAt: over.expiresAt ?? null,
  };
  const items = itemsRepo(db);
  // created_by is nullable (authors can leave); the repository types it for routes, which always know one.
  const id = await items.create(record, over.campaign ?? `item-${n}`, over.by?.id ?? (null as unknown as string));
  const status = over.status ?? 'published';
  if (status !== 'draft') {
    const publishAt = over.publishAt ?? (status === 'scheduled' ? daysAgo(-1) : new Date(Date.now() - 60_000));
    await items.setStatus(id, status, new Date(publishAt));
  }
  return { id, title: record.title, url: record.url };
}

/**
 * A share of an item to a network (a tracked link with it), as the share page records it;
 * `clicks` readers followed the link since, each in a minute of their own in the past hours.
 */
export async function aShare(
  db: Db,
  o: { item: { id: string }; person: { id: string }; network?: 'linkedin' | 'x' | 'facebook' | 'xing'; edited?: boolean; clicks?: number },
): Promise<{ linkCode: string }> {
  const network = o.network ?? 'linkedin';
  const linkCode = await sharingRepo(db).recordShare({ itemId: o.item.id, personId: o.person.id, network, edited: o.edited ?? false });
  if (o.clicks) {
    await db.query(
      `insert into clicks (link_code, minute, item_id, network, clicks)
       select $1, date_trunc('minute', now() - g * interval '7 minutes'), $2, $3, 1 from generate_series(1, $4::int) g`,
      [linkCode, o.item.id, network, o.clicks],
    );
  }
  return { linkCode };
}

export interface TrainingOptions {
  title?: string;
  description?: string;
  /** Default: two days ahead, for an hour. */
  startsAt?: Date | string;
  endsAt?: Date | string;
  timeZone?: string;
  meetingUrl?: string | null;
  room?: string | null;
  capacity?: number;
  language?: Language;
  audience?: Audience;
  host?: string;
  materialsUrl?: string | null;
  by?: { id: string };
}

/** A training session, stored as an admin's plan would be (the demo's seeding does the same). */
export async function aTraining(db: Db, over: TrainingOptions = {}): Promise<{ id: string; title: string; startsAt: string }> {
  const n = next();
  const startsAt = new Date(over.startsAt ?? daysAgo(-2));
  const endsAt = new Date(over.endsAt ?? startsAt.getTime() + 3_600_000);
  const title = over.title ?? `Training ${n}`;
  const audience = over.audience ?? EVERYONE;
  const [row] = await db.query<{ id: string }>(
    `insert into trainings (title, description, starts_at, ends_at, time_zone, meeting_url, room, capacity, language,
       audience_departments, audience_locations, host, materials_url, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [
      title, over.description ?? `What training ${n} is about.`, startsAt, endsAt, over.timeZone ?? 'Europe/Berlin',
      over.meetingUrl === undefined && over.room === undefined ? `https://teams.microsoft.com/l/meetup-join/training-${n}` : (over.meetingUrl ?? null),
      over.room ?? null, over.capacity ?? 10, over.language ?? 'en', audience.departments, audience.locations,
      over.host ?? `Host ${n}`, over.materialsUrl ?? null, over.by?.id ?? null,
    ],
  );
  return { id: row!.id, title, startsAt: startsAt.toISOString() };
}

/** A guidelines page with its first version. `by` is required: a version names its author. */
export async function aGuideline(
  db: Db,
  o: { by: { id: string }; slug?: string; title?: Partial<Record<Language, string>>; body?: Partial<Record<Language, string>>; position?: number },
) {
  const n = next();
  return guidelinesRepo(db).create(
    o.slug ?? `page-${n}`,
    {
      title: { de: `Seite ${n}`, en: `Page ${n}`, ...o.title },
      body: { de: `Text der Seite ${n}.`, en: `Text of page ${n}.`, ...o.body },
      position: o.position,
      changeNote: { de: 'Erste Fassung', en: 'First version' },
    },
    o.by.id,
  );
}

/** A step of the onboarding checklist. Default: a manual step, last in the list. */
export async function anOnboardingStep(
  db: Db,
  over: { kind?: 'manual' | 'guidelines' | 'training' | 'first_share'; title?: Partial<Record<Language, string>>; body?: Partial<Record<Language, string>>; linkUrl?: string | null; position?: number } = {},
): Promise<{ id: string }> {
  const n = next();
  const [row] = await db.query<{ id: string }>(
    `insert into onboarding_steps (kind, title_de, title_en, body_de, body_en, link_url, position)
     values ($1, $2, $3, $4, $5, $6, coalesce($7, (select coalesce(max(position), 0) + 10 from onboarding_steps))) returning id`,
    [
      over.kind ?? 'manual', over.title?.de ?? `Schritt ${n}`, over.title?.en ?? `Step ${n}`, over.body?.de ?? '', over.body?.en ?? '',
      over.linkUrl ?? null, over.position ?? null,
    ],
  );
  return { id: row!.id };
}

/**
 * The person's personal chat with the bot, as the bot stores it on install: from then on
 * the worker can reach them through `serviceUrl` (the fake Bot Connector).
 */
export async function aConversation(
  db: Db,
  person: { id: string; displayName: string },
  o: { serviceUrl: string; tenantId?: string; status?: 'active' | 'blocked' | 'gone' },
): Promise<{ conversationId: string; userId: string }> {
  const n = next();
  const tenantId = o.tenantId ?? 'tenant-1';
  const userId = `29:person-${n}`;
  const conversationId = `a:1on1-person-${n}-${person.id.slice(0, 8)}`;
  const reference = {
    user: { id: userId, name: person.displayName },
    bot: { id: '28:chorus-bot', name: 'Chorus' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId },
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
  };
  await db.query(
    `insert into conversations (id, kind, tenant_id, service_url, person_id, reference, status) values ($1, 'personal', $2, $3, $4, $5, $6)`,
    [conversationId, tenantId, o.serviceUrl, person.id, JSON.stringify(reference), o.status ?? 'active'],
  );
  return { conversationId, userId };
}

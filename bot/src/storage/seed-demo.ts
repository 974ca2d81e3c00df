import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';
import { campaignSlug } from '../domain/links/utm.js';
import { DEFAULT_RULES } from '../domain/points/points-rules.js';
import type { ItemRecord } from './repos/items.js';
import { itemsRepo } from './repos/items.js';
import { peopleRepo, type Person } from './repos/people.js';
import { pointsRepo } from './repos/points.js';
import { newLinkCode, sharingRepo } from './repos/sharing.js';
import { topicsRepo } from './repos/topics.js';
import { seedGuidelines } from './seed-guidelines.js';
import { seedOnboarding } from './seed-onboarding.js';
import { seedTrainings } from './seed-trainings.js';
import { backfillAnalytics } from './repos/analytics-rollup.js';

const TOPICS = [
  { id: 'careers', de: 'Karriere', en: 'Careers' },
  { id: 'culture', de: 'Unternehmenskultur', en: 'Culture' },
  { id: 'engineering', de: 'Technik', en: 'Engineering' },
  { id: 'events', de: 'Veranstaltungen', en: 'Events' },
  { id: 'product', de: 'Produkt', en: 'Product' },
  { id: 'sustainability', de: 'Nachhaltigkeit', en: 'Sustainability' },
];

const DAY = 86_400_000;

type DemoItem = Omit<ItemRecord, 'imageUrl' | 'audience' | 'expiresAt'> & {
  image: string;
  audience?: ItemRecord['audience'];
  /** days ago (negative: in the future → scheduled); undefined: draft */
  published?: number;
};

const ITEMS: DemoItem[] = [
  {
    kind: 'article', language: 'de', image: 'sustainability', published: 0.1, topics: ['sustainability', 'engineering'],
    title: 'Wie unsere Rechenzentren jetzt das Nachbarquartier heizen',
    url: 'https://www.contoso.example/de/blog/abwaerme-rechenzentrum',
    why: 'Ein greifbares Klimaprojekt aus unserem eigenen Haus – das interessiert auch Menschen außerhalb der IT.',
    hashtags: ['Nachhaltigkeit', 'Abwärme'],
    posts: {
      linkedin: 'Seit Oktober heizt die Abwärme unserer Server 400 Wohnungen in Berlin-Adlershof. Wie das technisch funktioniert, erklärt unser Team hier:',
      x: 'Unsere Server heizen jetzt 400 Wohnungen in Berlin. So funktioniert es:',
      xing: 'Abwärme sinnvoll nutzen: Unsere Rechenzentren heizen jetzt 400 Wohnungen. Ein Blick hinter die Kulissen.',
    },
  },
  {
    kind: 'job', language: 'de', image: 'job', published: 1, topics: ['careers'],
    title: 'Werkstudent:in Marketing (m/w/d) in Hamburg',
    url: 'https://www.contoso.example/karriere/werkstudent-marketing-hamburg?ref=jobs',
    why: 'Kennen Sie jemanden, der studiert und Lust auf Marketing hat? Empfehlungen aus dem Team sind unsere besten Bewerbungen.',
    hashtags: ['Werkstudent', 'Hamburg', 'Jobs'],
    posts: {
      linkedin: 'Wir suchen Verstärkung im Marketing-Team in Hamburg – ideal neben dem Studium. Kennt ihr jemanden? Teilen hilft!',
      x: 'Werkstudent:in Marketing in Hamburg gesucht – kennt ihr jemanden?',
    },
  },
  {
    kind: 'article', language: 'en', image: 'engineering', published: 2, topics: ['engineering'],
    title: 'What we learned from our first accessibility audit',
    url: 'https://www.contoso.example/en/blog/accessibility-audit-lessons',
    why: 'Honest lessons, not marketing: engineers and designers outside the company read this kind of post.',
    hashtags: ['a11y', 'Engineering'],
    posts: {
      linkedin: 'We asked blind and low-vision users to test our app for a week. Here is what broke, what we fixed, and what we still get wrong.',
      x: 'We had our app tested by blind and low-vision users. What broke and what we fixed:',
    },
  },
  {
    kind: 'job', language: 'en', image: 'job', published: 3, topics: ['careers', 'engineering'],
    title: 'Senior Backend Engineer (TypeScript, Postgres), remote in Germany',
    url: 'https://www.contoso.example/careers/senior-backend-engineer',
    why: 'Engineers trust engineers: a share from you reaches exactly the people we hope to hire.',
    hashtags: ['hiring', 'TypeScript', 'Postgres'],
    posts: {
      linkedin: 'My team is hiring a senior backend engineer: TypeScript, Postgres, remote anywhere in Germany. Happy to tell you what it is like to work here.',
      x: 'We are hiring a senior backend engineer (TypeScript, Postgres), remote in Germany.',
      xing: 'Wir suchen eine:n Senior Backend Engineer (TypeScript, Postgres), remote in Deutschland.',
    },
  },
  {
    kind: 'event', language: 'de', image: 'event', published: 4, topics: ['events', 'culture'], audience: { departments: [], locations: ['Hamburg'] },
    title: 'Tag der offenen Tür in Hamburg am 14. März',
    url: 'https://www.contoso.example/de/events/tag-der-offenen-tuer-hamburg',
    why: 'Für Hamburger Kolleg:innen: Laden Sie Familie und Freunde ein – das Team vor Ort freut sich.',
    hashtags: ['TagDerOffenenTür', 'Hamburg'],
    posts: {
      linkedin: 'Am 14. März öffnen wir unser Hamburger Büro für alle: Werkstattführungen, Vorträge und Kaffee. Kommt vorbei!',
      facebook: 'Am 14. März öffnen wir unser Hamburger Büro für alle – mit Führungen, Vorträgen und Kaffee. Wir freuen uns auf euch!',
    },
  },
  {
    kind: 'video', language: 'en', image: 'video', published: 5, topics: ['product'],
    title: '60 seconds: the new Contoso Planner in action',
    url: 'https://www.contoso.example/en/videos/planner-60-seconds',
    why: 'Short, visual and easy to share: a good first post if you have never shared company content before.',
    hashtags: ['ContosoPlanner'],
    posts: {
      linkedin: 'One minute, no slides: this is what our team built this year.',
      x: 'One minute, no slides: the new Contoso Planner.',
      facebook: 'One minute, no slides: this is what my colleagues built this year.',
    },
  },
  {
    kind: 'product', language: 'de', image: 'product', published: 6, topics: ['product'],
    title: 'Neu: Contoso Planner 3 – jetzt mit Offline-Modus',
    url: 'https://www.contoso.example/de/produkte/planner-3',
    why: 'Die meistgewünschte Funktion unserer Kund:innen ist da. Wer im Vertrieb arbeitet, kann damit gut ins Gespräch kommen.',
    hashtags: ['ContosoPlanner', 'Offline'],
    posts: {
      linkedin: 'Endlich offline planen: Planner 3 synchronisiert, sobald wieder Netz da ist. Die meistgewünschte Funktion unserer Kund:innen.',
      x: 'Planner 3 ist da – jetzt auch offline.',
      xing: 'Planner 3 ist da – mit Offline-Modus, der meistgewünschten Funktion unserer Kund:innen.',
    },
  },
  {
    kind: 'article', language: 'en', image: 'culture', published: 8, topics: ['culture', 'careers'],
    title: 'A day in the life of our apprentices',
    url: 'https://www.contoso.example/en/blog/apprentices-day-in-the-life',
    why: 'Our apprentices wrote this themselves. Sharing it shows young people what starting here is really like.',
    hashtags: ['apprenticeship', 'careers'],
    posts: {
      linkedin: 'Our apprentices wrote about their day — unfiltered. Proud of this crew.',
      x: 'Our apprentices wrote about a normal day at work, in their own words:',
    },
  },
  {
    kind: 'article', language: 'de', image: 'engineering', published: 9, topics: ['engineering'], audience: { departments: ['Engineering'], locations: [] },
    title: 'Einblick: So testen wir unsere Software, bevor Sie sie sehen',
    url: 'https://www.contoso.example/de/blog/wie-wir-testen',
    why: 'Für die Technik: ein Beitrag, der zeigt, wie sorgfältig wir arbeiten – gut für Recruiting unter Entwickler:innen.',
    hashtags: ['Softwarequalität'],
    posts: {
      linkedin: 'Wie testet ein Team, das jede Woche ausliefert? Unsere Kolleg:innen aus der Qualitätssicherung erzählen.',
      x: 'Jede Woche ein Release – so testen wir:',
    },
  },
  {
    kind: 'event', language: 'en', image: 'event', published: -3, topics: ['events'],
    title: 'Webinar: Planning for teams that work offline',
    url: 'https://www.contoso.example/en/events/webinar-offline-planning',
    why: 'Customers ask about offline work all the time; this webinar answers it in 30 minutes.',
    hashtags: ['webinar'],
    posts: { linkedin: 'Join our 30-minute webinar on planning for teams that work offline.' },
  },
  {
    kind: 'article', language: 'en', image: 'culture', topics: ['culture'],
    title: 'Customer story: how a bakery chain plans 40 shops',
    url: 'https://www.contoso.example/en/stories/bakery-chain',
    why: 'Draft: waiting for the customer’s approval.',
    hashtags: [],
    posts: {},
  },
];

const PEOPLE: Array<Omit<Person, 'id'>> = [
  { devKey: 'clara', displayName: 'Clara Schmidt', role: 'admin', language: 'de', department: 'Marketing', location: 'Berlin', joinedAt: '2019-04-01T08:00:00.000Z' },
  { devKey: 'jonas', displayName: 'Jonas Weber', role: 'employee', language: 'de', department: 'Engineering', location: 'München', joinedAt: '2021-09-01T08:00:00.000Z' },
  { devKey: 'aylin', displayName: 'Aylin Demir', role: 'employee', language: 'en', department: 'Sales', location: 'Hamburg', joinedAt: '2023-02-15T08:00:00.000Z' },
  { devKey: 'mia', displayName: 'Mia Fischer', role: 'employee', language: 'en', department: 'Engineering', location: 'Berlin', joinedAt: 'NEW_HIRE' },
];

/**
 * Colleagues who cannot sign in (no dev key) but have shared in the past days, so the content
 * team's dashboard has groups of five and more to show: [name, department, location, language].
 */
const COLLEAGUES: Array<[string, string, string, 'de' | 'en']> = [
  ['Lena Hoffmann', 'Sales', 'Hamburg', 'de'], ['Tobias Krüger', 'Sales', 'Berlin', 'de'], ['Sofia Rossi', 'Sales', 'Hamburg', 'en'],
  ['Emre Yılmaz', 'Sales', 'München', 'de'], ['Hannah Becker', 'Sales', 'Berlin', 'de'], ['Lukas Wagner', 'Engineering', 'München', 'de'],
  ['Priya Nair', 'Engineering', 'Berlin', 'en'], ['Felix Schulz', 'Engineering', 'München', 'de'], ['Marta Nowak', 'Engineering', 'Berlin', 'en'],
  ['Jana Richter', 'Marketing', 'Berlin', 'de'], ['Noah Klein', 'Marketing', 'Hamburg', 'de'], ['Elif Arslan', 'Marketing', 'Berlin', 'de'],
  ['Paul Neumann', 'Marketing', 'München', 'en'], ['Katrin Wolf', 'HR', 'Berlin', 'de'], ['David Braun', 'HR', 'Hamburg', 'en'],
  ['Sarah Lange', 'Finance', 'Berlin', 'de'],
];

/** Deterministic "random" numbers in [0, 1), so every demo database looks the same (mulberry32). */
function numbers(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A small living company for `npm start` in development: people, topics, items, some shares. */
export async function seedDemo(db: Db, publicUrl: string, now = new Date(), timeZone = 'Europe/Berlin'): Promise<void> {
  const people = peopleRepo(db);
  const topics = topicsRepo(db);
  const items = itemsRepo(db);
  const sharing = sharingRepo(db);
  for (const t of TOPICS) await topics.upsert(t);
  const persons: Person[] = [];
  for (const p of PEOPLE) {
    const joinedAt = p.joinedAt === 'NEW_HIRE' ? new Date(now.getTime() - 12 * DAY).toISOString() : p.joinedAt;
    persons.push(await people.insert({ ...p, joinedAt }));
  }
  const admin = persons[0] as Person;
  // The demo company runs the points program (real tenants start with it off) — since
  // before anything happened, so the shares and trainings below earn points.
  await pointsRepo(db).saveRules({ ...DEFAULT_RULES, enabled: true }, admin.id);
  await seedGuidelines(db, admin.id);
  await seedOnboarding(db, publicUrl);
  await seedTrainings(db, admin.id, now);
  const ids: string[] = [];
  for (const d of ITEMS) {
    const { image, published, audience, ...rest } = d;
    const record: ItemRecord = {
      ...rest,
      imageUrl: `${publicUrl}/tab/demo/${image}.svg`,
      audience: audience ?? { departments: [], locations: [] },
      expiresAt: null,
    };
    const id = await items.create(record, campaignSlug(d.title), admin.id);
    if (published !== undefined) {
      await items.setStatus(id, published < 0 ? 'scheduled' : 'published', new Date(now.getTime() - published * DAY));
    }
    ids.push(id);
  }
  // Jonas has shared twice already, so "my shares" shows what sharing brings.
  const jonas = persons[1] as Person;
  const [first, , third] = ids;
  const codes = [
    await sharing.recordShare({ itemId: first as string, personId: jonas.id, network: 'linkedin', edited: true }),
    await sharing.recordShare({ itemId: third as string, personId: jonas.id, network: 'x', edited: false }),
  ];
  await db.query(
    `insert into clicks (link_code, minute, item_id, network, clicks)
     select l.code, date_trunc('minute', now() - (g * interval '47 minutes')), l.item_id, l.network, 1
     from links l, generate_series(1, 7) g where l.code = any($1::text[])`,
    [codes],
  );
  // Some of those readers came back: fewer unique readers than clicks, as in real life.
  await db.query(
    `insert into link_readers (link_code, day, item_id, network, readers)
     select link_code, (minute at time zone $2)::date, item_id, network, greatest(1, (sum(clicks) * 2 / 3)::int)
     from clicks where link_code = any($1::text[]) group by 1, 2, 3, 4`,
    [codes, 'Europe/Berlin'],
  );
  // Jonas chose to be on the leaderboard under his own name; the processor turns his shares into points.
  await db.query(
    `insert into preferences (person_id, leaderboard_opt_in, board_id) values ($1, true, $2)
     on conflict (person_id) do update set leaderboard_opt_in = true, board_id = $2`,
    [jonas.id, randomUUID()],
  );
  await seedColleaguesSharing(db, ids.filter((_, i) => (ITEMS[i]?.published ?? -1) >= 0).map((id, i) => ({ id, daysAgo: ITEMS.filter((d) => (d.published ?? -1) >= 0)[i]!.published! })), now, timeZone);
  // The dashboard reads daily aggregates: build them from the rows above (the analytics processor keeps them from here on).
  await backfillAnalytics(db, timeZone);
}

/**
 * The colleagues above shared some of the live items in the days since they went live (rows
 * as the share page and the click counter write them, dated in the past), and readers clicked.
 */
async function seedColleaguesSharing(db: Db, live: Array<{ id: string; daysAgo: number }>, now: Date, timeZone: string): Promise<void> {
  const random = numbers(20261207);
  const networks = ['linkedin', 'linkedin', 'xing', 'x', 'facebook'] as const;
  const shares: Array<{ item: string; person: string; network: string; code: string; at: Date; clicks: number }> = [];
  for (const [name, department, location, language] of COLLEAGUES) {
    const person = await peopleRepo(db).insert({ displayName: name, role: 'employee', language, department, location, devKey: null, joinedAt: '2022-03-01T08:00:00.000Z' });
    for (const item of live) {
      if (random() < 0.45) continue;
      const network = networks[Math.floor(random() * networks.length)]!;
      const at = new Date(now.getTime() - item.daysAgo * DAY + random() * item.daysAgo * DAY);
      shares.push({ item: item.id, person: person.id, network, code: newLinkCode(), at, clicks: Math.floor(random() * 12) });
    }
  }
  await db.query(
    `with s as (select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) as s(item_id, person_id, network, code, at)),
     l as (insert into links (code, item_id, person_id, network, created_at) select code, item_id, person_id, network, at from s returning code)
     insert into shares (item_id, person_id, network, edited, link_code, created_at)
     select item_id, person_id, network, false, code, at from s`,
    [shares.map((x) => x.item), shares.map((x) => x.person), shares.map((x) => x.network), shares.map((x) => x.code), shares.map((x) => x.at)],
  );
  // Each link's clicks spread over the hours after it was posted (those still to come left out), one reader in three returning.
  const clicks = shares
    .flatMap((x) => Array.from({ length: x.clicks }, (_, i) => ({ code: x.code, item: x.item, network: x.network, minute: new Date(x.at.getTime() + (i + 1) * (1 + random() * 8) * 3_600_000) })))
    .filter((c) => c.minute.getTime() < now.getTime() - 60_000);
  await db.query(
    `insert into clicks (link_code, minute, item_id, network, clicks)
     select code, date_trunc('minute', minute), item_id, network, count(*) from unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[]) as c(code, item_id, network, minute)
     group by 1, 2, 3, 4`,
    [clicks.map((c) => c.code), clicks.map((c) => c.item), clicks.map((c) => c.network), clicks.map((c) => c.minute)],
  );
  await db.query(
    `insert into link_readers (link_code, day, item_id, network, readers)
     select link_code, (minute at time zone $2)::date, item_id, network, greatest(1, (sum(clicks) * 2 / 3)::int)
     from clicks where link_code = any($1::text[]) group by 1, 2, 3, 4`,
    [shares.map((x) => x.code), timeZone],
  );
}

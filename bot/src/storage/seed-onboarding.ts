import type { Db } from './db.js';

/** A starter checklist a company can adapt: what helps a new colleague share well. */
const STEPS = (publicUrl: string) => [
  {
    kind: 'guidelines',
    title: { de: 'Die Social-Media-Richtlinien lesen', en: 'Read the social media guidelines' },
    body: {
      de: 'Zehn Minuten, die Sicherheit geben: was Sie teilen dürfen, was vertraulich bleibt und wen Sie fragen, wenn Sie unsicher sind. Bestätigen Sie das Lesen auf der Seite, dann hakt sich dieser Schritt selbst ab.',
      en: 'Ten minutes that make you feel safe: what you may share, what stays confidential, and whom to ask when unsure. Confirm you have read them on the page and this step ticks itself.',
    },
    link: `${publicUrl}/tab/?page=guidelines`,
  },
  {
    kind: 'manual',
    title: { de: 'Ein professionelles LinkedIn-Profil einrichten', en: 'Set up a professional LinkedIn profile' },
    body: {
      de: '- Ein freundliches, aktuelles Foto\n- Eine Überschrift, die sagt, was Sie tun – nicht nur den Jobtitel\n- Die neue Position bei uns unter „Berufserfahrung“\n- Zwei, drei Sätze im Info-Bereich, in Ihren eigenen Worten',
      en: '- A friendly, current photo\n- A headline that says what you do, not just your job title\n- Your new position with us under "Experience"\n- Two or three sentences in the About section, in your own words',
    },
    link: 'https://www.linkedin.com/in/',
  },
  {
    kind: 'manual',
    title: { de: 'Unseren Unternehmensseiten folgen', en: 'Follow our company pages' },
    body: {
      de: 'So sehen Sie, was wir veröffentlichen, und können es mit einem Klick teilen oder kommentieren.',
      en: 'So you see what we publish and can share or comment on it in a click.',
    },
    link: 'https://www.linkedin.com/company/contoso',
  },
  {
    kind: 'training',
    title: { de: 'Für eine Einsteigerschulung anmelden', en: 'Register for a beginners’ training' },
    body: {
      de: 'Eine Stunde, in der wir gemeinsam Profile verbessern und erste Beiträge schreiben. Fragen sind ausdrücklich erwünscht.',
      en: 'An hour in which we improve profiles together and write first posts. Questions are very welcome.',
    },
    link: `${publicUrl}/tab/?page=trainings`,
  },
  {
    kind: 'first_share',
    title: { de: 'Zum ersten Mal teilen', en: 'Make your first share' },
    body: {
      de: 'Suchen Sie sich etwas aus, das Sie wirklich interessant finden, und schreiben Sie einen eigenen Satz dazu. Das wirkt mehr als jeder Textvorschlag.',
      en: 'Pick something you genuinely find interesting and add a sentence of your own. That does more than any suggested text.',
    },
    link: `${publicUrl}/tab/?page=share`,
  },
];

/** The starter checklist, once: only when there is none yet. */
export async function seedOnboarding(db: Db, publicUrl: string): Promise<void> {
  const [existing] = await db.query<{ n: number }>('select count(*)::int as n from onboarding_steps');
  if ((existing?.n ?? 0) > 0) return;
  let position = 0;
  for (const s of STEPS(publicUrl)) {
    await db.query(
      `insert into onboarding_steps (kind, title_de, title_en, body_de, body_en, link_url, position) values ($1, $2, $3, $4, $5, $6, $7)`,
      [s.kind, s.title.de, s.title.en, s.body.de, s.body.en, s.link, (position += 10)],
    );
  }
}

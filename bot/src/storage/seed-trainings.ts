import type { Db } from './db.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The demo's sessions (seeds 000, 002, 004): two coming up, one past with its materials. */
export async function seedTrainings(db: Db, adminId: string, now = new Date()): Promise<void> {
  const [existing] = await db.query<{ n: number }>('select count(*)::int as n from trainings');
  if ((existing?.n ?? 0) > 0) return;
  // Whole hours, local to Berlin: 10:00 CET is 09:00 UTC in winter; near enough for a demo.
  const at = (days: number, utcHour: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(utcHour, 0, 0, 0);
    return d;
  };
  const sessions = [
    {
      title: 'Your LinkedIn profile, step by step',
      description: 'Photo, headline, about, experience: we improve yours together, live. Bring your laptop; questions welcome.',
      start: at(6, 9), hours: 1.5, capacity: 12, language: 'en', host: 'Petra Press', meeting: 'https://teams.microsoft.com/l/meetup-join/demo-linkedin', room: null, materials: null,
    },
    {
      title: 'X (Twitter) für Einsteiger',
      description: 'Was X ist, wie ein guter Beitrag aussieht und was Sie besser lassen. Für alle, die noch nie etwas gepostet haben.',
      start: at(9, 13), hours: 1, capacity: 2, language: 'de', host: 'Jonas Weber', meeting: null, room: 'Berlin, 3. OG, Raum Spree', materials: null,
    },
    {
      title: 'Sharing without oversharing: confidentiality in practice',
      description: 'What counts as confidential, with real examples from our guidelines.',
      start: at(-8, 9), hours: 1, capacity: 30, language: 'en', host: 'Clara Schmidt', meeting: 'https://teams.microsoft.com/l/meetup-join/demo-confidential', room: null,
      materials: 'https://www.contoso.example/training/confidentiality-slides.pdf',
    },
  ];
  for (const s of sessions) {
    await db.query(
      `insert into trainings (title, description, starts_at, ends_at, time_zone, meeting_url, room, capacity, language, host, materials_url, created_by)
       values ($1, $2, $3, $4, 'Europe/Berlin', $5, $6, $7, $8, $9, $10, $11)`,
      [s.title, s.description, s.start, new Date(s.start.getTime() + s.hours * HOUR), s.meeting, s.room, s.capacity, s.language, s.host, s.materials, adminId],
    );
  }
}

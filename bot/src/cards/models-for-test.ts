import type { Locale } from './locale.js';
import type { TrainingCardModel } from './training-card.js';

/* Test-only (left out of the build): what the card tests share. */

/** Every card is checked in both languages, and for words of the other one. */
export const LOCALES: Locale[] = ['de', 'en'];
export const otherLocale = (l: Locale): Locale => (l === 'de' ? 'en' : 'de');

/** An English session 10:00–11:30 in Berlin on 3 December 2026 (CET, UTC+1), online, seats left. */
export const sampleTraining: TrainingCardModel = {
  trainingId: 'c0ffee00-0000-4000-8000-000000000001',
  title: 'LinkedIn profile session',
  description: 'Headline, photo, about: we fix yours together.',
  startsAt: '2026-12-03T09:00:00.000Z',
  endsAt: '2026-12-03T10:30:00.000Z',
  host: 'Petra Press',
  language: 'en',
  meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  room: null,
  materialsUrl: null,
  capacity: 20,
  seatsLeft: 3,
  status: 'scheduled',
  started: false,
  mine: { status: 'none' },
  notice: 'announce',
  tabUrl: 'https://chorus.example/tab/?page=trainings',
};

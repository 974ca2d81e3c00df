import type { TrainingInput } from '../model/trainings.js';

/** Test-only: a valid online session a week after 2026-05-04, ten seats; tests override what they test. */
export const sampleSessionInput = (overrides: Partial<TrainingInput> = {}): TrainingInput => ({
  title: 'LinkedIn basics',
  description: '',
  startsAt: '2026-05-10T09:00:00.000Z',
  endsAt: '2026-05-10T10:00:00.000Z',
  timeZone: 'Europe/Berlin',
  meetingUrl: 'https://teams.example/meet/1',
  room: null,
  capacity: 10,
  language: 'en',
  audience: { departments: [], locations: [] },
  host: 'Clara',
  materialsUrl: null,
  ...overrides,
});

import type { ImpactQuery } from '@contract';

/** My impact offers the last days and this year; the analytics dashboard this week, month and quarter. */
export type PeriodChoice = '7' | '30' | '90' | 'year' | 'week' | 'month' | 'quarter' | 'custom';

const pad = (n: number) => String(n).padStart(2, '0');
/** Today as the reader's calendar shows it (the server counts in the tenant's zone; they agree but near midnight). */
export const localToday = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

function minusDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
}

/** The query for a choice; 30 days is the server's own default (its "today" is the tenant's). */
export function periodQuery(choice: PeriodChoice, custom: { from: string; to: string }, today = localToday()): ImpactQuery {
  switch (choice) {
    case '7':
      return { from: minusDays(today, 6), to: today };
    case '30':
      return {};
    case '90':
      return { from: minusDays(today, 89), to: today };
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'week': {
      // Monday of this week (ISO weeks, as the tenant's calendar in Germany counts them).
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
      return { from: minusDays(today, weekday), to: today };
    }
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'quarter': {
      const month = Number(today.slice(5, 7));
      const first = month - ((month - 1) % 3);
      return { from: `${today.slice(0, 4)}-${pad(first)}-01`, to: today };
    }
    case 'custom':
      return { from: custom.from, to: custom.to };
  }
}

import type { ImpactQuery } from '@contract';

export type PeriodChoice = '7' | '30' | '90' | 'year' | 'custom';

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
    case 'custom':
      return { from: custom.from, to: custom.to };
  }
}

import { z } from 'zod';
import { resultsCard } from '../../cards/results-card.js';
import { lastDayOf } from '../../domain/results/results-schedule.js';
import { personResults, SHARED_IN_ROUND } from '../../storage/repos/results.js';
import { defineKind } from '../kind.js';
import { reachable } from '../recipients.js';
import { wants } from '../wants.js';

const resultsReaders = wants('results');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The personal results card (monthly by default): to each person who shared something in
 * the round's days, what their shares brought, their best item and a thank-you. Numbers are
 * read when the card is rendered, for that person only. `period`: the run's local date, one
 * round per run.
 */
export const resultsKind = defineKind({
  name: 'results',
  payload: z.object({ period: day, from: day, until: day, timeZone: z.string().min(1) }).strict(),
  audience: ['groups'],
  wants: resultsReaders,
  recipients: reachable({ where: SHARED_IN_ROUND }, resultsReaders),
  // Skipped, not held: a thank-you in the middle of a crisis is out of place, and a month's
  // results sent after it would be stale.
  crisis: { cancelOnSwitchOn: true },
  onceKey: (p) => p.period,
  view: (p) => ({ period: p.period }),
  async render(d, ctx) {
    const r = await personResults(ctx.db, d.personId, d.payload.from, d.payload.until, d.payload.timeZone);
    if (r.shares === 0) return 'nothing_new';
    return resultsCard(
      {
        from: d.payload.from,
        to: lastDayOf(d.payload),
        shares: r.shares,
        clicks: r.clicks,
        readers: r.readers,
        best: r.best,
        perNetwork: r.perNetwork,
        impactUrl: ctx.tab('impact'),
        settingsUrl: ctx.tab('settings'),
      },
      d.person.language,
    );
  },
});

import { z } from 'zod';
import { DIGEST_MAX_ITEMS, DIGEST_MAX_TRAININGS, digestCard } from '../../cards/digest-card.js';
import { audience, LIVE } from '../../storage/repos/items.js';
import { defineKind, timeRef } from '../kind.js';
import { IN_AUDIENCE, reachable } from '../recipients.js';
import { wants } from '../wants.js';

const digestReaders = wants('digest');

/**
 * The weekly digest, to people who chose it instead of a card per item: the items published
 * since the run before (`coversFrom`) meant for them, and the sessions of the next two weeks.
 * `period`: the run's local date; one digest per run.
 */
export const digestKind = defineKind({
  name: 'digest',
  payload: z.object({ period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), coversFrom: timeRef.optional() }).strict(),
  audience: ['groups'],
  wants: digestReaders,
  recipients: reachable(IN_AUDIENCE, digestReaders),
  // Skipped, not held: a week's digest sent after the crisis would be stale.
  crisis: { cancelOnSwitchOn: true },
  onceKey: (p) => p.period,
  view: (p) => ({ period: p.period }),
  async render(d, ctx) {
    const rows = await ctx.db.query<{ id: string; title: string; why: string; total: number }>(
      `select i.id, i.title, i.why, count(*) over ()::int as total from items i
       where ${LIVE} and i.publish_at > $1 and i.publish_at <= $2 and ${audience('$3', '$4')}
       order by (i.language = $5) desc, i.publish_at desc, i.id
       limit ${DIGEST_MAX_ITEMS}`,
      [d.payload.coversFrom ?? new Date(d.sendAt.getTime() - 7 * 86_400_000), d.sendAt, d.person.department, d.person.location, d.person.language],
    );
    // Sessions in the next two weeks meant for them, still open.
    const sessions = await ctx.db.query<{ id: string; title: string; starts_at: Date }>(
      `select t.id, t.title, t.starts_at from trainings t
       where t.status = 'scheduled' and t.starts_at > $1 and t.starts_at <= $1::timestamptz + interval '14 days'
         and (cardinality(t.audience_departments) = 0 or $2::text = any(t.audience_departments))
         and (cardinality(t.audience_locations) = 0 or $3::text = any(t.audience_locations))
       order by t.starts_at, t.id limit ${DIGEST_MAX_TRAININGS + 5}`,
      [d.sendAt, d.person.department, d.person.location],
    );
    if (rows.length === 0 && sessions.length === 0) return 'nothing_new';
    const shown = await Promise.all(
      rows.map(async (r) => ({ title: r.title, why: r.why, shareUrl: ctx.shareUrl(await ctx.sharing.shareToken(r.id, d.personId)) })),
    );
    // The card says "…and N more" for what does not fit; those need no links.
    const hidden = Array.from({ length: Math.max(0, (rows[0]?.total ?? 0) - shown.length) }, () => ({ title: '', why: '', shareUrl: '' }));
    return digestCard(
      {
        weekOf: d.payload.period,
        items: [...shown, ...hidden],
        trainings: sessions.map((t) => ({ title: t.title, startsAt: t.starts_at.toISOString(), url: ctx.tab('trainings') })),
        tabUrl: ctx.tab('share'),
      },
      d.person.language,
    );
  },
});

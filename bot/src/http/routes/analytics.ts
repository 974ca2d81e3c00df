import { once } from 'node:events';
import type { Request, Response } from 'restify';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { analyticsPeriodSchema, breakdownQuerySchema, funnelQuerySchema, type BreakdownRow } from '../../domain/model/analytics.js';
import { analyticsEndpoints } from '../contract/endpoints/analytics.js';
import type { HttpContext } from '../context.js';
import { requestLanguage } from '../language.js';
import { authorize } from '../request.js';
import { servedUnchanged, type Route } from '../serve.js';
import { parse } from '../validation.js';

/**
 * The content team's dashboard (issue 13 §1, §3, §5): overview, breakdowns, settings, and
 * every table as CSV. The CSV routes check exactly what their JSON twins check (permission,
 * query) and stream the same aggregates through csv-stringify with spreadsheet formulas
 * neutralised (a label such as "=HYPERLINK(…)" is written as text).
 */
/** The overview's CSV: its headline numbers (default) or its trend. */
const overviewCsvQuery = analyticsPeriodSchema.extend({ table: z.enum(['headline', 'trend'], 'analytics.table').default('headline') });

export function analyticsRoutes(route: Route, ctx: HttpContext): void {
  const { analytics } = ctx;
  // Kept answers (ANALYTICS_REFRESH_SECONDS) are the same objects request after request: their JSON is made once.
  route(analyticsEndpoints.analyticsOverview, async ({ query }) => servedUnchanged(await analytics.overview(query)));
  route(analyticsEndpoints.analyticsBreakdown, async ({ query, lang }) => servedUnchanged(await analytics.breakdown(query, lang)));
  route(analyticsEndpoints.analyticsFunnel, async ({ query }) => servedUnchanged(await analytics.funnel(query)));
  route(analyticsEndpoints.analyticsSettings, () => analytics.repo.settings());
  route(analyticsEndpoints.saveAnalyticsSettings, ({ who, body }) => analytics.repo.saveSettings(body, who.id));

  const server = route.server;

  server.get('/api/v1/analytics/overview/export.csv', async (req: Request, res: Response) => {
    await authorize(ctx.auth, req, 'analytics.read');
    const { table, ...period } = parse(overviewCsvQuery, req.query);
    const overview = await analytics.overview(period);
    if (table === 'headline') {
      const metrics = ['reachable', 'activeSharers', 'participation', 'shares', 'clicks', 'readers', 'clicksPerShare', 'conversions', 'earnedMediaValue'] as const;
      sendCsv(
        res,
        `chorus-overview-${overview.from}-${overview.to}.csv`,
        ['metric', `${overview.from}..${overview.to}`, `${overview.previous.from}..${overview.previous.to}`],
        // Withheld periods (fewer people than the minimum group) stay empty, as on the dashboard.
        metrics.map((m) => [m, overview.current[m] ?? '', overview.before[m] ?? '']),
      );
      return;
    }
    sendCsv(
      res,
      `chorus-trend-${overview.from}-${overview.to}.csv`,
      ['start', 'end', 'shares', 'clicks', 'readers'],
      overview.trend.series.map((t) => [t.start, t.end, t.shares ?? '', t.clicks ?? '', t.readers ?? '']),
    );
  });

  server.get('/api/v1/analytics/funnel/export.csv', async (req: Request, res: Response) => {
    await authorize(ctx.auth, req, 'analytics.read');
    const funnel = await analytics.funnel(parse(funnelQuerySchema, req.query));
    sendCsv(
      res,
      `chorus-funnel-${funnel.subject.type}-${funnel.subject.id}.csv`,
      ['stage', 'value', 'not_shown_because'],
      funnel.stages.map((s) => [s.stage, s.value ?? '', s.gap ?? '']),
    );
  });

  server.get('/api/v1/analytics/breakdown/export.csv', async (req: Request, res: Response) => {
    const who = await authorize(ctx.auth, req, 'analytics.read');
    const query = parse(breakdownQuerySchema, req.query);
    const breakdown = analytics.breakdownRows(query, requestLanguage(req.header('accept-language'), who.language));
    // A breakdown may have 100,000 rows (items): streamed from a cursor at the reader's pace.
    const out = csvStream(res, `chorus-${breakdown.dimension}-${breakdown.from}-${breakdown.to}.csv`, [
      breakdown.dimension, 'key', 'people', 'shares', 'clicks', 'readers', 'conversions', 'clicks_per_share',
    ]);
    const line = (r: BreakdownRow) => [r.label, r.key, r.people, r.shares, r.clicks, r.readers, r.conversions ?? '', r.clicksPerShare ?? ''];
    try {
      const other = await breakdown.rows((r) => out.write(line(r)));
      if (other) await out.write(line(other));
      out.end();
    } catch (err) {
      // Before the first row, an ordinary error answer; after it, the download is cut off
      // (never a file that looks complete).
      if (!out.started) throw err;
      ctx.log.warn({ err }, 'a CSV download stopped part-way');
      res.destroy();
    }
  });
}

/**
 * A CSV answer written row by row: the head goes out with the first row (so that an error
 * before it is still an ordinary error answer); `write` waits while the reader is behind and
 * fails when the reader went away.
 */
function csvStream(res: Response, filename: string, header: string[]) {
  let csv: ReturnType<typeof stringify> | null = null;
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  const start = () => {
    if (csv) return csv;
    csv = startCsv(res, filename, header);
    return csv;
  };
  return {
    get started() {
      return csv !== null;
    },
    async write(row: Array<string | number>): Promise<void> {
      if (gone.signal.aborted) throw new Error('the reader went away');
      if (!start().write(row)) await once(start(), 'drain', { signal: gone.signal });
    },
    end(): void {
      start().end();
    },
  };
}

/** Streams rows as CSV (UTF-8 with a byte order mark, so spreadsheets read umlauts right). */
function sendCsv(res: Response, filename: string, header: string[], rows: Iterable<Array<string | number>>): void {
  const csv = startCsv(res, filename, header);
  for (const row of rows) csv.write(row);
  csv.end();
}

function startCsv(res: Response, filename: string, header: string[]) {
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  });
  res.write('\uFEFF');
  const csv = stringify({ header: true, columns: header, escape_formulas: true });
  csv.pipe(res);
  return csv;
}

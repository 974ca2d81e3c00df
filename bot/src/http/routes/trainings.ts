import type { Server } from 'restify';
import { invalid, notFound } from '../../domain/errors.js';
import { storedUrls } from '../../domain/urls/stored-url.js';
import { icsCalendar } from '../../domain/trainings/ics.js';
import { attendanceInputSchema, trainingInputSchema, trainingsQuerySchema, type TrainingInput } from '../contract/trainings.js';
import { announceInputSchema } from '../contract/announcements.js';
import type { HttpContext } from '../context.js';
import { admin, parse, user, UUID } from '../request.js';

function id(raw: unknown): string {
  const value = String(raw);
  if (!UUID.test(value)) throw notFound('Training');
  return value;
}

/** Trainings: everyone lists and registers; admins plan, change, cancel and record attendance. */
export function trainingRoutes(server: Server, ctx: HttpContext): void {
  const { trainings } = ctx;
  const policy = { allowHttpLocalhost: ctx.config.env !== 'production' };

  /** Links must be https (http://localhost in development), like item destinations, and are stored normalised. */
  function checkLinks(input: TrainingInput): TrainingInput {
    const { urls, problems } = storedUrls({ meetingUrl: input.meetingUrl, materialsUrl: input.materialsUrl }, policy);
    if (Object.keys(problems).length > 0) throw invalid('Some fields are not valid', problems);
    return { ...input, ...urls };
  }

  server.get('/api/v1/trainings', async (req, res) => {
    const who = await user(ctx.auth, req);
    res.send(200, { items: await trainings.list(who, parse(trainingsQuerySchema, req.query)) });
  });

  server.get('/api/v1/trainings/:id', async (req, res) => {
    const who = await user(ctx.auth, req);
    res.send(200, await trainings.visible(id(req.params.id), who));
  });

  server.post('/api/v1/trainings/:id/register', async (req, res) => {
    const who = await user(ctx.auth, req);
    res.send(200, await trainings.register(id(req.params.id), who));
  });

  server.post('/api/v1/trainings/:id/unregister', async (req, res) => {
    const who = await user(ctx.auth, req);
    const { promoted: _promoted, ...result } = await trainings.unregister(id(req.params.id), who);
    res.send(200, result);
  });

  /** The session as a calendar file (Outlook, Google Calendar, Apple Calendar). */
  server.get('/api/v1/trainings/:id/ics', async (req, res) => {
    const who = await user(ctx.auth, req);
    const trainingId = id(req.params.id);
    await trainings.visible(trainingId, who); // 404 for sessions not meant for them
    const entry = await trainings.calendarEntry(trainingId);
    if (!entry) throw notFound('Training');
    const location = [entry.room, entry.meetingUrl].filter(Boolean).join(' · ') || null;
    const body = icsCalendar({
      uid: `${entry.id}@${new URL(ctx.config.publicUrl).hostname}`,
      sequence: entry.sequence,
      start: entry.startsAt,
      end: entry.endsAt,
      stamp: entry.updatedAt,
      title: entry.title,
      description: [entry.description, entry.host ? `— ${entry.host}` : ''].filter(Boolean).join('\n\n'),
      location,
      url: entry.meetingUrl,
      cancelled: entry.cancelled,
    });
    res.writeHead(200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="training-${entry.id}.ics"`,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });

  server.get('/api/v1/admin/trainings', async (req, res) => {
    const who = await admin(ctx.auth, req);
    res.send(200, { items: await trainings.all(who.id) });
  });

  server.post('/api/v1/admin/trainings', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const input = checkLinks(parse(trainingInputSchema, req.body));
    if (Date.parse(input.startsAt) <= Date.now()) throw invalid('Some fields are not valid', { startsAt: 'must be in the future' });
    res.send(201, await trainings.create(input, who.id));
  });

  server.put('/api/v1/admin/trainings/:id', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const input = checkLinks(parse(trainingInputSchema, req.body));
    const { training } = await trainings.update(id(req.params.id), input, who.id);
    res.send(200, training);
  });

  /** Announce the session to its audience through the delivery engine, now or at `at`. */
  server.post('/api/v1/admin/trainings/:id/announce', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const { at } = parse(announceInputSchema, req.body);
    res.send(201, await ctx.announcements.announceTraining(id(req.params.id), at ? new Date(at) : undefined, who.id));
  });

  server.post('/api/v1/admin/trainings/:id/cancel', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const { training } = await trainings.cancel(id(req.params.id), who.id);
    res.send(200, training);
  });

  server.get('/api/v1/admin/trainings/:id/registrants', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, { items: await trainings.registrants(id(req.params.id)) });
  });

  server.put('/api/v1/admin/trainings/:id/attendance', async (req, res) => {
    await admin(ctx.auth, req);
    const input = parse(attendanceInputSchema, req.body);
    res.send(200, { items: await trainings.setAttendance(id(req.params.id), input) });
  });
}

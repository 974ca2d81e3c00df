import { notFound } from '../../domain/errors.js';
import type { Language } from '../../domain/model/common.js';
import type { SavedTraining } from '../../domain/model/trainings.js';
import { icsCalendar } from '../../domain/trainings/ics.js';
import type { SavedSession } from '../../domain/trainings/trainings-service.js';
import { trainingEndpoints as endpoints } from '../contract/endpoints/trainings.js';
import { uuidParam } from '../contract/endpoint.js';
import type { HttpContext } from '../context.js';
import { user } from '../request.js';
import { wordedWarnings } from '../save-warnings.js';
import type { Route } from '../serve.js';

const trainingId = uuidParam('Training');

/** The session as saved, with its warnings in the language of the admin's tab. */
const worded = ({ training, warnings }: SavedSession, lang: Language): SavedTraining => ({ training, warnings: wordedWarnings(warnings, lang) });

/** Trainings: everyone lists and registers; editors plan, change, cancel and record attendance. */
export function trainingRoutes(route: Route, ctx: HttpContext): void {
  const { trainings, trainingsService: rules } = ctx;

  route(endpoints.trainings, async ({ who, query }) => trainings.list(who, query));
  route(endpoints.training, async ({ who, params }) => trainings.visible(params.id, who));
  route(endpoints.registerTraining, async ({ who, params }) => rules.register(params.id, who));
  route(endpoints.unregisterTraining, async ({ who, params }) => {
    const { promoted: _promoted, ...result } = await rules.unregister(params.id, who);
    return result;
  });

  /** The session as a calendar file (Outlook, Google Calendar, Apple Calendar): not JSON, so a plain route. */
  route.server.get('/api/v1/trainings/:id/ics', async (req, res) => {
    const who = await user(ctx.auth, req);
    const parsed = trainingId.schema.safeParse(String(req.params.id));
    if (!parsed.success) throw notFound('Training');
    const id = parsed.data;
    await trainings.visible(id, who); // 404 for sessions not meant for them
    const entry = await trainings.calendarEntry(id);
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

  route(endpoints.adminTrainings, async ({ who, query }) => trainings.all(who.id, query));

  route(endpoints.createTraining, async ({ who, body, lang }) => worded(await rules.create(body, who.id), lang));
  route(endpoints.updateTraining, async ({ who, params, body, lang }) => worded(await rules.update(params.id, body, who.id), lang));

  /** Announce the session to its audience through the delivery engine, now or at `at`. */
  route(endpoints.announceTraining, async ({ who, params, body }) =>
    ctx.announcementsService.announceTraining(params.id, body.at ? new Date(body.at) : undefined, who.id),
  );

  route(endpoints.cancelTraining, async ({ who, params }) => (await rules.cancel(params.id, who.id)).training);
  route(endpoints.trainingRegistrants, async ({ params, query }) => trainings.registrants(params.id, query));
  route(endpoints.setAttendance, async ({ params, body }) => {
    await rules.setAttendance(params.id, body);
    return { items: (await trainings.registrants(params.id)).items };
  });
}

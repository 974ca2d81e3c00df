import { announceInputSchema, announcementSchema } from '../../../domain/model/announcements.js';
import { emptyBody, listOf, pageOf } from '../../../domain/model/common.js';
import { endpoint, uuidParam } from '../endpoint.js';
import {
  adminTrainingSchema,
  adminTrainingsQuerySchema,
  attendanceInputSchema,
  registrantsQuerySchema,
  registrationResultSchema,
  savedTrainingSchema,
  trainingInputSchema,
  trainingRegistrantSchema,
  trainingSchema,
  trainingsQuerySchema,
} from '../../../domain/model/trainings.js';

const training = { id: uuidParam('Training') };

/** The calendar file (GET /api/v1/trainings/:id/ics) is not JSON: trainings.ts serves it as a plain route. */
export const trainingEndpoints = {
  /** upcoming: open sessions meant for me; mine: registered or waitlisted, not over; past: over, newest first. */
  trainings: endpoint({ method: 'GET', path: '/api/v1/trainings', query: trainingsQuerySchema, response: pageOf(trainingSchema), permission: 'app.use' }),
  training: endpoint({ method: 'GET', path: '/api/v1/trainings/:id', params: training, response: trainingSchema, permission: 'app.use' }),
  /** A seat if one is free, else the waitlist; 409 once cancelled or started. */
  registerTraining: endpoint({ method: 'POST', path: '/api/v1/trainings/:id/register', params: training, body: emptyBody, response: registrationResultSchema, permission: 'app.use' }),
  unregisterTraining: endpoint({ method: 'POST', path: '/api/v1/trainings/:id/unregister', params: training, body: emptyBody, response: registrationResultSchema, permission: 'app.use' }),
  adminTrainings: endpoint({ method: 'GET', path: '/api/v1/admin/trainings', query: adminTrainingsQuerySchema, response: pageOf(adminTrainingSchema), permission: 'trainings.manage' }),
  createTraining: endpoint({ method: 'POST', path: '/api/v1/admin/trainings', body: trainingInputSchema, response: savedTrainingSchema, status: 201, permission: 'trainings.manage' }),
  /** 400 with `capacity` when fewer seats than people registered. */
  updateTraining: endpoint({ method: 'PUT', path: '/api/v1/admin/trainings/:id', params: training, body: trainingInputSchema, response: savedTrainingSchema, permission: 'trainings.manage' }),
  /** Cards to the session's audience, now or at `at`; 409 when it was announced already. */
  announceTraining: endpoint({ method: 'POST', path: '/api/v1/admin/trainings/:id/announce', params: training, body: announceInputSchema, response: announcementSchema, status: 201, permission: 'announcements.manage' }),
  cancelTraining: endpoint({ method: 'POST', path: '/api/v1/admin/trainings/:id/cancel', params: training, body: emptyBody, response: trainingSchema, permission: 'trainings.manage' }),
  trainingRegistrants: endpoint({ method: 'GET', path: '/api/v1/admin/trainings/:id/registrants', params: training, query: registrantsQuerySchema, response: pageOf(trainingRegistrantSchema), permission: 'trainings.manage' }),
  /** Only after the start (409 before). */
  setAttendance: endpoint({ method: 'PUT', path: '/api/v1/admin/trainings/:id/attendance', params: training, body: attendanceInputSchema, response: listOf(trainingRegistrantSchema), permission: 'trainings.manage' }),
};

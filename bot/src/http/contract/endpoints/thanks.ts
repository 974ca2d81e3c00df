import { listOf } from '../../../domain/model/common.js';
import { myThankSchema, shownThankSchema, thankInputSchema, thankSentSchema, thankVisibilitySchema } from '../../../domain/model/thanks.js';
import { endpoint, uuidParam } from '../endpoint.js';

export const thanksEndpoints = {
  /** A personal thank-you card to someone on the leaderboard (by its entry id); 404 when they are not on it. */
  sendThanks: endpoint({ method: 'POST', path: '/api/v1/admin/thanks', body: thankInputSchema, response: thankSentSchema, status: 201, permission: 'thanks.send' }),
  /** The thank-yous I received (person.numbers.read: mine only), newest first. */
  myThanks: endpoint({ method: 'GET', path: '/api/v1/me/thanks', response: listOf(myThankSchema), permission: 'app.use' }),
  /** Whether others may see one of my thank-yous. */
  showThanks: endpoint({ method: 'PUT', path: '/api/v1/me/thanks/:id', params: { id: uuidParam('Thanks') }, body: thankVisibilitySchema, response: myThankSchema, permission: 'app.use' }),
  /** The thank-yous their receivers chose to show, newest first (at most 20). */
  shownThanks: endpoint({ method: 'GET', path: '/api/v1/thanks', response: listOf(shownThankSchema), permission: 'app.use' }),
};

import { emptyBody, pageOf } from '../../../domain/model/common.js';
import { adminCrisisStateSchema, crisisAuditEntrySchema, crisisAuditQuerySchema, crisisNoticeSchema, crisisOnSchema } from '../../../domain/model/crisis.js';
import { endpoint } from '../endpoint.js';

export const crisisEndpoints = {
  /** What everyone sees while crisis mode is on, in the request's language. */
  crisis: endpoint({ method: 'GET', path: '/api/v1/crisis', response: crisisNoticeSchema, permission: 'app.use' }),
  adminCrisis: endpoint({ method: 'GET', path: '/api/v1/admin/crisis', response: adminCrisisStateSchema, permission: 'crisis.manage' }),
  /** On: 201 when it switched, 200 when it was on already (nothing changes, nothing is logged). */
  crisisOn: endpoint({ method: 'POST', path: '/api/v1/admin/crisis', body: crisisOnSchema, response: adminCrisisStateSchema, status: 201, permission: 'crisis.manage' }),
  crisisOff: endpoint({ method: 'POST', path: '/api/v1/admin/crisis/off', body: emptyBody, response: adminCrisisStateSchema, permission: 'crisis.manage' }),
  crisisAudit: endpoint({ method: 'GET', path: '/api/v1/admin/crisis/audit', query: crisisAuditQuerySchema, response: pageOf(crisisAuditEntrySchema), permission: 'crisis.manage' }),
};

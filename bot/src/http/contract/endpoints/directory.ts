import { directoryStatusSchema, directorySyncStartedSchema } from '../../../domain/model/directory.js';
import { endpoint } from '../endpoint.js';

export const directoryEndpoints = {
  /** Directory sync: last round, people counted, changes, errors (admins). */
  directoryStatus: endpoint({ method: 'GET', path: '/api/v1/admin/directory', response: directoryStatusSchema, permission: 'directory.manage' }),
  /** "Sync now": a round starts in the background (202); 409 while one runs or when the sync is not set up. */
  syncDirectory: endpoint({ method: 'POST', path: '/api/v1/admin/directory/sync', response: directorySyncStartedSchema, status: 202, permission: 'directory.manage' }),
};

import { listOf } from '../../../domain/model/common.js';
import { endpoint } from '../endpoint.js';
import { jobStatusSchema } from '../../../domain/model/jobs.js';

export const jobEndpoints = {
  /** What operators need to know about background work: last run, next run, failures. */
  jobs: endpoint({ method: 'GET', path: '/api/v1/admin/jobs', response: listOf(jobStatusSchema), permission: 'jobs.read' }),
};

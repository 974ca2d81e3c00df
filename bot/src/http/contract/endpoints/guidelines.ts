import { listOf, pageOf } from '../../../domain/model/common.js';
import { endpoint, uuidParam, versionParam } from '../endpoint.js';
import {
  adminGuidelineSchema,
  adminGuidelinesQuerySchema,
  guidelineAcknowledgeSchema,
  guidelineCreateSchema,
  guidelineDiffSchema,
  guidelineSchema,
  guidelineUpdateSchema,
  guidelineVersionSchema,
  guidelineVersionsQuerySchema,
  guidelineVersionSummarySchema,
  savedGuidelineSchema,
} from '../../../domain/model/guidelines.js';

const page = { id: uuidParam('Guideline') };

export const guidelineEndpoints = {
  /** The current pages in the request's language, with what I acknowledged. */
  guidelines: endpoint({ method: 'GET', path: '/api/v1/guidelines', response: listOf(guidelineSchema), permission: 'app.use' }),
  /** "I have read this" for the version I read; harmless twice. */
  acknowledgeGuideline: endpoint({ method: 'POST', path: '/api/v1/guidelines/:id/acknowledge', params: page, body: guidelineAcknowledgeSchema, response: guidelineSchema, permission: 'app.use' }),
  adminGuidelines: endpoint({ method: 'GET', path: '/api/v1/admin/guidelines', query: adminGuidelinesQuerySchema, response: pageOf(adminGuidelineSchema), permission: 'guidelines.manage' }),
  createGuideline: endpoint({ method: 'POST', path: '/api/v1/admin/guidelines', body: guidelineCreateSchema, response: adminGuidelineSchema, status: 201, permission: 'guidelines.manage' }),
  adminGuideline: endpoint({ method: 'GET', path: '/api/v1/admin/guidelines/:id', params: page, response: adminGuidelineSchema, permission: 'guidelines.manage' }),
  /** A new version on top of `baseVersion`; 409 when someone saved meanwhile. */
  saveGuideline: endpoint({ method: 'PUT', path: '/api/v1/admin/guidelines/:id', params: page, body: guidelineUpdateSchema, response: savedGuidelineSchema, permission: 'guidelines.manage' }),
  guidelineVersions: endpoint({ method: 'GET', path: '/api/v1/admin/guidelines/:id/versions', params: page, query: guidelineVersionsQuerySchema, response: pageOf(guidelineVersionSummarySchema), permission: 'guidelines.manage' }),
  guidelineVersion: endpoint({ method: 'GET', path: '/api/v1/admin/guidelines/:id/versions/:version', params: { ...page, version: versionParam('Version') }, response: guidelineVersionSchema, permission: 'guidelines.manage' }),
  /** Word diffs of title and text, per language, from one version to another (either order). */
  guidelineDiff: endpoint({
    method: 'GET',
    path: '/api/v1/admin/guidelines/:id/versions/:from/diff/:to',
    params: { ...page, from: versionParam('Version'), to: versionParam('Version') },
    response: guidelineDiffSchema,
    permission: 'guidelines.manage',
  }),
};

import { guidelineEndpoints as endpoints } from '../contract/endpoints/guidelines.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/**
 * Guidelines: everyone reads the current version and may acknowledge it (nobody else ever
 * sees who did: person.progress.read); editors write new versions and compare any two.
 */
export function guidelineRoutes(route: Route, ctx: HttpContext): void {
  const { guidelinesService: guidelines } = ctx;

  route(endpoints.guidelines, async ({ who, lang }) => ({ items: await guidelines.forReader(who.id, lang) }));

  route(endpoints.acknowledgeGuideline, async ({ who, params, body, lang }) => guidelines.acknowledge(who.id, params.id, body.version, lang));

  route(endpoints.adminGuidelines, async ({ query }) => guidelines.list(query));

  route(endpoints.createGuideline, async ({ who, body }) => guidelines.create(body, who.id));

  route(endpoints.adminGuideline, async ({ params }) => guidelines.get(params.id));

  route(endpoints.saveGuideline, async ({ who, params, body }) => guidelines.save(params.id, body, who.id));

  route(endpoints.guidelineVersions, async ({ params, query }) => guidelines.history(params.id, query));

  route(endpoints.guidelineVersion, async ({ params }) => guidelines.version(params.id, params.version));

  route(endpoints.guidelineDiff, async ({ params }) => guidelines.diff(params.id, params.from, params.to));
}

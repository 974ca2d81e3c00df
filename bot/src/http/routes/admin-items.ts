import type { Language } from '../../domain/model/common.js';
import type { SavedItem } from '../../domain/model/items.js';
import { itemEndpoints } from '../contract/endpoints/items.js';
import type { SavedItemWithWarnings } from '../../domain/items/items-service.js';
import type { HttpContext } from '../context.js';
import { wordedWarnings } from '../save-warnings.js';
import type { Route } from '../serve.js';

/** Warnings in the language of the admin's tab. */
const worded = ({ item, warnings }: SavedItemWithWarnings, lang: Language): SavedItem => ({ item, warnings: wordedWarnings(warnings, lang) });

export function adminItemRoutes(route: Route, ctx: HttpContext): void {
  const svc = ctx.itemsService;

  route(itemEndpoints.adminItems, async ({ query }) => ctx.items.adminList(query));
  route(itemEndpoints.createItem, async ({ who, body, lang }) => worded(await svc.create(body, who.id), lang));
  route(itemEndpoints.adminItem, async ({ params }) => svc.get(params.id));
  route(itemEndpoints.updateItem, async ({ params, body, lang }) => worded(await svc.update(params.id, body), lang));
  route(itemEndpoints.publish, async ({ params, body }) => svc.publish(params.id, body.at));
  route(itemEndpoints.archive, async ({ params }) => svc.archive(params.id));
  /** Departments and locations known from the directory, for the audience picker. */
  route(itemEndpoints.audiences, async () => ctx.people.audienceValues());
  /** Whom an audience reaches now: the editors' live count and the check before publishing. */
  route(itemEndpoints.audienceReach, async ({ body: { departments, locations } }) => {
    const [people, unknown] = await Promise.all([ctx.people.audienceReach(departments, locations), ctx.people.unknownAudienceValues(departments, locations)]);
    return { people, unknownDepartments: unknown.departments, unknownLocations: unknown.locations };
  });
}

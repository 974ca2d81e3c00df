import { campaignEndpoints as endpoints } from '../contract/endpoints/campaigns.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/** Campaigns and the disclosure: everyone sees running campaigns; editors and admins run them. */
export function campaignRoutes(route: Route, ctx: HttpContext): void {
  const { campaignsService: campaigns } = ctx;

  route(endpoints.campaigns, async () => campaigns.overview());

  route(endpoints.adminCampaigns, async ({ query }) => campaigns.adminPage(query));

  route(endpoints.createCampaign, async ({ body }) => campaigns.create(body));

  route(endpoints.updateCampaign, async ({ params, body }) => campaigns.update(params.id, body));

  route(endpoints.removeCampaign, async ({ params }) => {
    await campaigns.remove(params.id);
    return undefined;
  });

  route(endpoints.disclosure, async () => campaigns.disclosureSettings());

  route(endpoints.saveDisclosure, async ({ body }) => campaigns.saveDisclosure(body));
}

import { noContent, pageOf } from '../../../domain/model/common.js';
import {
  adminCampaignSchema,
  adminCampaignsQuerySchema,
  campaignInputSchema,
  campaignsOverviewSchema,
  disclosureInputSchema,
  disclosureSettingsSchema,
} from '../../../domain/model/campaigns.js';
import { endpoint, uuidParam } from '../endpoint.js';

const campaign = { id: uuidParam('Campaign') };

export const campaignEndpoints = {
  /** Running campaigns with the team's progress, and the disclosure while it applies. */
  campaigns: endpoint({ method: 'GET', path: '/api/v1/campaigns', response: campaignsOverviewSchema, permission: 'app.use' }),
  adminCampaigns: endpoint({ method: 'GET', path: '/api/v1/admin/campaigns', query: adminCampaignsQuerySchema, response: pageOf(adminCampaignSchema), permission: 'campaigns.manage' }),
  createCampaign: endpoint({ method: 'POST', path: '/api/v1/admin/campaigns', body: campaignInputSchema, response: adminCampaignSchema, status: 201, permission: 'campaigns.manage' }),
  /** Any change, ending it now included (endsAt = now); 409 once its results were sent. */
  updateCampaign: endpoint({ method: 'PUT', path: '/api/v1/admin/campaigns/:id', params: campaign, body: campaignInputSchema, response: adminCampaignSchema, permission: 'campaigns.manage' }),
  removeCampaign: endpoint({ method: 'DELETE', path: '/api/v1/admin/campaigns/:id', params: campaign, response: noContent, status: 204, permission: 'campaigns.manage' }),
  disclosure: endpoint({ method: 'GET', path: '/api/v1/admin/disclosure', response: disclosureSettingsSchema, permission: 'disclosure.manage' }),
  saveDisclosure: endpoint({ method: 'PUT', path: '/api/v1/admin/disclosure', body: disclosureInputSchema, response: disclosureSettingsSchema, permission: 'disclosure.manage' }),
};

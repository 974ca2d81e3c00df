import { announceInputSchema, announcementSchema, announcementsQuerySchema } from '../../../domain/model/announcements.js';
import { audienceInputSchema, emptyBody, pageOf } from '../../../domain/model/common.js';
import { endpoint, uuidParam } from '../endpoint.js';
import {
  adminItemSchema,
  adminItemsQuerySchema,
  audienceChoicesSchema,
  audienceReachSchema,
  feedItemSchema,
  feedQuerySchema,
  itemInputSchema,
  publishInputSchema,
  savedItemSchema,
  shareLinkSchema,
} from '../../../domain/model/items.js';

const item = { id: uuidParam('Item') };
const announcement = { id: uuidParam('Announcement') };

export const itemEndpoints = {
  /** What I can share now: live, meant for me, my language first. */
  feed: endpoint({ method: 'GET', path: '/api/v1/items', query: feedQuerySchema, response: pageOf(feedItemSchema), permission: 'app.use' }),
  /** My share page for a live item: the same address every time. */
  shareLink: endpoint({ method: 'POST', path: '/api/v1/items/:id/share-link', params: item, body: emptyBody, response: shareLinkSchema, permission: 'app.use' }),

  adminItems: endpoint({ method: 'GET', path: '/api/v1/admin/items', query: adminItemsQuerySchema, response: pageOf(adminItemSchema), permission: 'items.manage' }),
  createItem: endpoint({ method: 'POST', path: '/api/v1/admin/items', body: itemInputSchema, response: savedItemSchema, status: 201, permission: 'items.manage' }),
  adminItem: endpoint({ method: 'GET', path: '/api/v1/admin/items/:id', params: item, response: adminItemSchema, permission: 'items.manage' }),
  updateItem: endpoint({ method: 'PUT', path: '/api/v1/admin/items/:id', params: item, body: itemInputSchema, response: savedItemSchema, permission: 'items.manage' }),
  /** Now, or at `at` (later means scheduled). */
  publish: endpoint({ method: 'POST', path: '/api/v1/admin/items/:id/publish', params: item, body: publishInputSchema, response: adminItemSchema, permission: 'items.manage' }),
  archive: endpoint({ method: 'POST', path: '/api/v1/admin/items/:id/archive', params: item, body: emptyBody, response: adminItemSchema, permission: 'items.manage' }),
  /** Departments and locations known from the directory, for the audience picker. */
  audiences: endpoint({ method: 'GET', path: '/api/v1/admin/audiences', response: audienceChoicesSchema, permission: 'items.manage' }),
  /** How many people an audience (as an item or a session takes it: at most 50 values each, 80 characters) reaches now, and the values nobody holds. */
  audienceReach: endpoint({ method: 'POST', path: '/api/v1/admin/audiences/reach', body: audienceInputSchema, response: audienceReachSchema, permission: 'items.manage' }),
};

export const announcementEndpoints = {
  /** Now (a scheduled item: when it goes live), or at `at`. */
  announce: endpoint({ method: 'POST', path: '/api/v1/admin/items/:id/announce', params: item, body: announceInputSchema, response: announcementSchema, status: 201, permission: 'announcements.manage' }),
  announcements: endpoint({ method: 'GET', path: '/api/v1/admin/announcements', query: announcementsQuerySchema, response: pageOf(announcementSchema), permission: 'announcements.manage' }),
  announcement: endpoint({ method: 'GET', path: '/api/v1/admin/announcements/:id', params: announcement, response: announcementSchema, permission: 'announcements.manage' }),
  /** Stops what is not sent yet; what was sent stays sent. */
  cancelAnnouncement: endpoint({ method: 'POST', path: '/api/v1/admin/announcements/:id/cancel', params: announcement, body: emptyBody, response: announcementSchema, permission: 'announcements.manage' }),
};

// Types and zod schemas shared by the server and the tab. Nothing here may import
// server code: the tab bundles this folder.
export * from '../../domain/model/announcements.js';
export * from '../../domain/model/common.js';
export * from '../../domain/model/crisis.js';
export * from '../../domain/model/guidelines.js';
export * from '../../domain/model/items.js';
export * from '../../domain/model/me.js';
export * from '../../domain/model/impact.js';
export * from '../../domain/model/share.js';
export { NETWORKS, NETWORK_LABELS, TEXT_VIA_CLIPBOARD, type Network } from '../../domain/sharing/networks.js';
export { announceTime, ANNOUNCE_PAST_TOLERANCE_MS, type AnnounceTime, type AnnounceTimeProblem, type AnnounceWindow } from '../../domain/announcements/announce-time.js';
export { checkPostText, charCount, xTweetLength, LINKEDIN_FOLD, X_MAX, X_LINK_LENGTH, type TextCheck } from '../../domain/items/text-limits.js';
export * from '../../domain/model/trainings.js';
export * from '../../domain/model/onboarding.js';
export * from './endpoint.js';
export * from './endpoints/index.js';
export { isMessageKey, msg, render as renderMessage, type Message, type MessageKey } from '../../domain/messages/message.js';
export * from '../../domain/model/jobs.js';
export * from '../../domain/model/points.js';
export * from '../../domain/model/thanks.js';
export { PSEUDONYM_MIN, PSEUDONYM_MAX } from '../../domain/points/pseudonym.js';
export { MIN_TEAM_MEMBERS, MAX_POINTS_PER_ACTION, MAX_READER_DAILY_CAP } from '../../domain/points/points-rules.js';
export * from '../../domain/model/campaigns.js';
export * from '../../domain/model/conversions.js';
export { campaignStatus, covers, progressPercent } from '../../domain/campaigns/campaign-rules.js';
export { containsDisclosure, withDisclosure } from '../../domain/campaigns/disclosure.js';
export * from '../../domain/model/analytics.js';
export * from '../../domain/model/directory.js';

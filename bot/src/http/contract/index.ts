// Types and zod schemas shared by the server and the tab. Nothing here may import
// server code: the tab bundles this folder.
export * from './announcements.js';
export * from './common.js';
export * from './crisis.js';
export * from './guidelines.js';
export * from './items.js';
export * from './me.js';
export * from './share.js';
export { NETWORKS, NETWORK_LABELS, TEXT_VIA_CLIPBOARD, type Network } from '../../domain/sharing/networks.js';
export { checkPostText, charCount, xTweetLength, LINKEDIN_FOLD, X_MAX, X_LINK_LENGTH, type TextCheck } from '../../domain/items/text-limits.js';
export * from './trainings.js';
export * from './onboarding.js';
export * from './endpoint.js';
export * from './endpoints/index.js';
export { isMessageKey, msg, render as renderMessage, type Message, type MessageKey } from '../../domain/messages/message.js';
export * from './jobs.js';

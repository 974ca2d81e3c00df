/**
 * What a tracked link's code looks like (`/l/<code>`, and `utm_content=<code>` on the
 * landing page). New codes are 10 characters (storage/repos/sharing.ts); older or
 * hand-made ones may be 6 to 16.
 */
export const LINK_CODE_PATTERN = /^[A-Za-z0-9]{6,16}$/;

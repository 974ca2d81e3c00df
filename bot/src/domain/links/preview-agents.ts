/**
 * Networks fetch a shared link themselves to build the preview card (title, image).
 * Those fetches are not readers: they get the redirect but are not counted.
 */
const PREVIEW_AGENTS =
  /LinkedInBot|Twitterbot|facebookexternalhit|Facebot|XING-contenttabreceiver|Slackbot|WhatsApp|TelegramBot|Discordbot|SkypeUriPreview|Teams|bingbot|Googlebot|Applebot|crawler|spider|\bbot\b/i;

export function isPreviewAgent(userAgent: string | undefined): boolean {
  return userAgent !== undefined && PREVIEW_AGENTS.test(userAgent);
}

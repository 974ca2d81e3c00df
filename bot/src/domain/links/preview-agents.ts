import { isbot } from 'isbot';

/**
 * Who is not a reader. Networks, messengers and search engines fetch a shared link
 * themselves to build a preview card (LinkedInBot, MicrosoftPreview in Teams and Outlook,
 * Slack-ImgProxy, Mastodon, Bluesky, …), and scripts and HTTP libraries (curl, python
 * requests, node) fetch links too: they get the redirect but are not counted. The list
 * is the `isbot` package's (maintained, hundreds of agents), plus the few preview
 * fetchers it does not know yet. No user agent at all is no browser either.
 */
const MISSED_BY_ISBOT = /\bViber\/|SkypeUriPreview|XING-contenttabreceiver/i;

/** Agents repeat (a post's readers use the same few browsers): remember recent answers. */
const recent = new Map<string, boolean>();
const RECENT_MAX = 2_000;

export function isPreviewAgent(userAgent: string | undefined): boolean {
  if (!userAgent) return true;
  const known = recent.get(userAgent);
  if (known !== undefined) return known;
  const answer = isbot(userAgent) || MISSED_BY_ISBOT.test(userAgent);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(userAgent, answer);
  return answer;
}

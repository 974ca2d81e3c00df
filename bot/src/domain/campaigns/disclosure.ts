import type { Disclosure } from '../model/campaigns.js';

/**
 * Disclosure of the employment relationship (FTC endorsement guides; §5a UWG in Germany):
 * while sharing earns points or prizes, an employee endorsing their employer says so. The
 * admins' text (e.g. "#WorkingAtContoso") is added to every suggested post, and stays in
 * what the person posts unless the admins let people remove it.
 */

/** Points are a later feature: its settings answer through this port (false until it exists). */
export interface PointsProgramPort {
  pointsOn(): Promise<boolean>;
}
export const noPointsProgram: PointsProgramPort = { pointsOn: async () => false };

/** It applies when a text is set and something of value is at stake: points, or a running campaign's prize. */
export function disclosureApplies(settings: { text: string }, stakes: { pointsOn: boolean; prizeCampaignRunning: boolean }): boolean {
  return settings.text.trim().length > 0 && (stakes.pointsOn || stakes.prizeCampaignRunning);
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en');
const WORD = /[\p{L}\p{N}_]/u;

/** Whether the text already carries the disclosure as a whole word (any case, "#Tag" not inside "#Tagline"). */
export function containsDisclosure(text: string, disclosure: string): boolean {
  const needle = fold(disclosure.trim());
  if (!needle) return true;
  const hay = fold(text);
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1];
    const after = hay[at + needle.length];
    const startsWord = WORD.test(needle[0] as string);
    const endsWord = WORD.test(needle[needle.length - 1] as string);
    if ((!startsWord || before === undefined || !WORD.test(before)) && (!endsWord || after === undefined || !WORD.test(after))) return true;
  }
  return false;
}

/** The text with the disclosure at its end (once: never twice when it is already there). */
export function withDisclosure(text: string, disclosure: string): string {
  const d = disclosure.trim();
  if (!d || containsDisclosure(text, d)) return text;
  const body = text.trimEnd();
  return body ? `${body}\n\n${d}` : d;
}

/** What a post must say: unchanged when there is no disclosure or people may remove it; else with it. */
export function enforceDisclosure(text: string, disclosure: Disclosure | null): string {
  return disclosure && !disclosure.removable ? withDisclosure(text, disclosure.text) : text;
}

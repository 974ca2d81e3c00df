import type { Network } from '../sharing/networks.js';

export interface UtmInput {
  destination: string;
  network: Network;
  campaign: string;
  code: string;
}

/**
 * The stored destination with UTM tags for the web analytics of the company site. The
 * destination's own query string and fragment stay; a UTM value the admins wrote into
 * the destination themselves wins over ours — except `utm_content`, which always carries
 * the tracked link's code: it is what a careers site or shop reports a conversion with,
 * and one value written into the destination would be the same for every sharer.
 */
export function withUtm({ destination, network, campaign, code }: UtmInput): string {
  const url = new URL(destination);
  const tags: Record<string, string> = {
    utm_source: network,
    utm_medium: 'employee_advocacy',
    utm_campaign: campaign,
    utm_content: code,
  };
  for (const [key, value] of Object.entries(tags)) {
    if (key === 'utm_content') url.searchParams.delete(key);
    if (!url.searchParams.has(key)) url.searchParams.append(key, value);
  }
  return url.toString();
}

/** A readable campaign name from a title: "Wir suchen Dich!" → "wir-suchen-dich". */
export function campaignSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'item';
}

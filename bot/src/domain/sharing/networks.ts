export const NETWORKS = ['linkedin', 'x', 'facebook', 'xing'] as const;
export type Network = (typeof NETWORKS)[number];

export const NETWORK_LABELS: Record<Network, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  xing: 'Xing',
};

/** Networks whose share dialog accepts no pre-filled text: the text goes to the clipboard. */
export const TEXT_VIA_CLIPBOARD: ReadonlySet<Network> = new Set(['linkedin', 'facebook', 'xing']);

export function isNetwork(value: unknown): value is Network {
  return typeof value === 'string' && (NETWORKS as readonly string[]).includes(value);
}

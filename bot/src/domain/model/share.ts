import { z } from 'zod';
import { NETWORKS, type Network } from '../sharing/networks.js';

export const sharePostSchema = z
  .object({
    network: z.enum(NETWORKS, { error: 'share.unknownNetwork' }),
    text: z.string().max(5000, 'field.maxChars').default(''),
  })
  .strict();
export type SharePostInput = z.infer<typeof sharePostSchema>;

export interface SharePostResult {
  network: Network;
  /** The network's share dialog, carrying Chorus's tracked link. */
  target: string;
  link: string;
  /** Set for networks that take no text: put this on the clipboard before leaving. */
  clipboard: string | null;
}

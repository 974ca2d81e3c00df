import type { Network } from '../../domain/sharing/networks.js';
import type { Language } from './common.js';

export interface Me {
  id: string;
  displayName: string;
  role: 'admin' | 'employee';
  language: Language;
  department: string | null;
  location: string | null;
}

export interface MyShareItem {
  itemId: string;
  title: string;
  url: string;
  lastSharedAt: string;
  networks: Array<{ network: Network; sharedAt: string; clicks: number }>;
  clicks: number;
}

/** Visible to the person only: no other route returns another person's numbers. */
export interface MyShares {
  totals: { items: number; shares: number; clicks: number };
  items: MyShareItem[];
}

export interface DemoPerson {
  key: string;
  displayName: string;
  role: 'admin' | 'employee';
  department: string | null;
  language: Language;
  newHire: boolean;
}

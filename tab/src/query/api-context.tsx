import { createContext, useContext } from 'react';
import type { Api } from '../api.js';

export interface ApiScope {
  api: Api;
  /** Whose answers these are (the demo person, or "teams"): cached answers never cross people. */
  scope: string;
}

export const ApiContext = createContext<ApiScope | null>(null);

export function useApiScope(): ApiScope {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApiScope outside ApiContext');
  return value;
}

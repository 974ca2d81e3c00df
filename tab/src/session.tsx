import { createContext, useContext } from 'react';
import type { Me } from '@contract';
import type { Api } from './api.js';
import type { Host } from './host/detect-host.js';

export interface Session {
  api: Api;
  me: Me;
  host: Host;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in person, the API client and the host; pages render only inside it. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}

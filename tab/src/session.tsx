import { createContext, useContext } from 'react';
import type { Me, Permission } from '@contract';
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

/** Whether the signed-in person may do `permission`, as `GET /api/v1/me` said: the tab never decides by role. */
export function useCan(): (permission: Permission) => boolean {
  const { me } = useSession();
  return (permission) => me.permissions.includes(permission);
}

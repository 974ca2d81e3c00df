import { ENDPOINTS, type CrisisNotice } from '@contract';
import { createContext, useContext } from 'react';
import { useEndpoint } from '../query/use-endpoint.js';

/** How often the tab asks whether crisis mode changed: a switch reaches everyone within seconds. */
export const CRISIS_POLL_MS = 5_000;

const OFF: CrisisNotice = { active: false, instructions: null, instructionsHtml: null, statementUrl: null, spokesperson: null, startedAt: null };

export interface Crisis {
  notice: CrisisNotice;
  /** Asks again now (after an admin switched it). */
  refresh: () => Promise<void>;
}

/**
 * The crisis notice, fetched on start, again when the language changes (it is part of the
 * cache key), and every few seconds. Until the first answer (or when it fails) the tab
 * behaves as if it were off: the server refuses shares during a crisis anyway. A refresh
 * cancels a poll in flight, so an answer from before an admin's switch never wins.
 */
export function useCrisis(): Crisis {
  const { data, query } = useEndpoint(ENDPOINTS.crisis, undefined, { refetchInterval: CRISIS_POLL_MS });
  return {
    notice: data ?? query.data ?? OFF,
    refresh: async () => {
      await query.refetch({ cancelRefetch: true });
    },
  };
}

export const CrisisContext = createContext<Crisis | null>(null);

export function useCrisisContext(): Crisis {
  const value = useContext(CrisisContext);
  if (!value) throw new Error('useCrisisContext outside CrisisContext');
  return value;
}

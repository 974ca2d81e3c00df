import type { CrisisNotice } from '@contract';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Api } from '../api.js';
import { usePolling } from './use-polling.js';

/** How often the tab asks whether crisis mode changed: a switch reaches everyone within seconds. */
export const CRISIS_POLL_MS = 5_000;

const OFF: CrisisNotice = { active: false, instructions: null, instructionsHtml: null, statementUrl: null, spokesperson: null, startedAt: null };

export interface Crisis {
  notice: CrisisNotice;
  /** Asks again now (after an admin switched it). */
  refresh: () => Promise<void>;
}

/**
 * The crisis notice, fetched on start, again when the language changes, and every few
 * seconds. Until the first answer (or when it fails) the tab behaves as if it were off:
 * the server refuses shares during a crisis anyway.
 */
export function useCrisis(api: Api, language: string): Crisis {
  const [notice, setNotice] = useState<CrisisNotice>(OFF);
  // Requests are numbered: an answer is applied only if no later request's answer was, so a
  // poll that started before an admin's switch cannot overwrite what refresh() fetched after.
  const requested = useRef(0);
  const applied = useRef(0);
  const load = useCallback(
    async (signal?: AbortSignal) => {
      const seq = ++requested.current;
      const next = await api.crisis(signal);
      if (signal?.aborted || seq < applied.current) return;
      applied.current = seq;
      setNotice(next);
    },
    [api],
  );
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch(() => {
      // Polling tries again in a few seconds.
    });
    return () => controller.abort();
  }, [load, language]);
  usePolling(load, CRISIS_POLL_MS, true);
  return { notice, refresh: () => load() };
}

export const CrisisContext = createContext<Crisis | null>(null);

export function useCrisisContext(): Crisis {
  const value = useContext(CrisisContext);
  if (!value) throw new Error('useCrisisContext outside CrisisContext');
  return value;
}

import { ENDPOINTS, type DirectoryStatus } from '@contract';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../../components/error-state.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useEndpoint, useInvalidate } from '../../../query/use-endpoint.js';
import { useSession } from '../../../session.js';

/** How often the page asks while a round runs. */
const POLL_MS = 2000;
/** Answers without a new round after "Sync now" before the page stops waiting for one. */
const PATIENCE = 5;

/** What the page says after "Sync now": the round's outcome, or why it did not start. */
export interface SyncOutcome {
  intent: 'success' | 'error' | 'warning';
  title?: string;
  text: string;
}

/**
 * The directory sync's state, and "Sync now": it starts a round, then follows the status
 * every 2 s until that round (a new `lastStartedAt`) is no longer running, and says how it
 * went. The status is also followed while any round runs (a scheduled one).
 */
export function useDirectorySync() {
  const { api } = useSession();
  const { t, number } = useI18n();
  const invalidate = useInvalidate();
  const [starting, setStarting] = useState(false);
  const [watching, setWatching] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  // The round we wait for: the one after `since`; `answers` counts the answers without it.
  const watch = useRef<{ since: string | null; answers: number } | null>(null);
  const status = useEndpoint(ENDPOINTS.directoryStatus, undefined, {
    refetchInterval: (data) => (watching || data?.running ? POLL_MS : false),
  });

  const answeredAt = status.query.dataUpdatedAt;
  useEffect(() => {
    const w = watch.current;
    if (!w || status.state !== 'ok' || status.data.running) return;
    const s = status.data;
    if (s.lastStartedAt !== w.since) {
      watch.current = null;
      setWatching(false);
      setOutcome(outcomeOf(s));
    } else if (++w.answers >= PATIENCE) {
      watch.current = null;
      setWatching(false);
      setOutcome({ intent: 'warning', text: t.directoryOutcomeNotStarted });
    }
    // Once per answer: its time says when one arrived.
  }, [answeredAt]);

  function outcomeOf(s: DirectoryStatus): SyncOutcome {
    if (s.lastStatus === 'error') return { intent: 'error', text: t.directoryOutcomeError(s.lastError ?? t.errorTitle) };
    const n = (v: number | undefined) => number(v ?? 0);
    const c = s.lastCounts;
    return { intent: 'success', text: t.directoryOutcomeOk(n(c.created), n(c.updated), n(c.left), n(c.skipped)) };
  }

  const syncNow = async () => {
    const since = status.data?.lastStartedAt ?? null;
    setOutcome(null);
    setStarting(true);
    try {
      await api.syncDirectory();
      watch.current = { since, answers: 0 };
      setWatching(true);
    } catch (err) {
      // 409: a round runs already (the page then follows it) or the sync is not set up.
      setOutcome({ intent: 'error', title: t.directoryCouldNotStart, text: errorText(err, t) });
    } finally {
      setStarting(false);
      await invalidate(ENDPOINTS.directoryStatus);
    }
  };

  const running = status.data?.running ?? false;
  return { status, outcome, syncNow, busy: starting || watching || running };
}

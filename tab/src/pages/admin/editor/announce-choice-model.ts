import { announceTime } from '@contract';
import { useState } from 'react';
import type { Strings } from '../../../i18n/index.js';
import { fromLocalInput } from './local-time.js';

/** now: at once (a scheduled item: when it goes live); at: a chosen time; none: no cards. */
export type AnnounceMode = 'now' | 'at' | 'none';

/** The body of POST …/announce; null means "do not announce". */
export type AnnounceRequest = { at?: string } | null;

export interface AnnounceLimits {
  /** The item's publish time (now, when publishing now); the announcement may not come before it. */
  notBefore: Date;
  /** The item's expiry (ISO), if any; the announcement must come before it. */
  expiresAt: string | null;
}

export type AnnounceResolution = { ok: true; request: AnnounceRequest } | { ok: false; error: string };

/** The request for a choice, or why the chosen time does not work: by the server's own rule (domain/announcements/announce-time.ts). */
export function resolveAnnounce(mode: AnnounceMode, localAt: string, limits: AnnounceLimits, t: Strings, now = new Date()): AnnounceResolution {
  if (mode === 'none') return { ok: true, request: null };
  if (mode === 'now') return { ok: true, request: {} };
  const at = fromLocalInput(localAt);
  if (!at) return { ok: false, error: t.announceAtAfterPublish };
  const time = announceTime(new Date(at), now, {
    notBefore: limits.notBefore,
    before: limits.expiresAt ? { at: new Date(limits.expiresAt), problem: 'announce.beforeItemExpires' } : undefined,
  });
  if (!time.ok) return { ok: false, error: time.problem === 'announce.beforeItemExpires' ? t.announceAtBeforeExpiry : t.announceAtAfterPublish };
  // A time already past (the minute just begun) means "now": sent as such, so the request
  // cannot grow older than the server's tolerance on its way.
  return { ok: true, request: new Date(at).getTime() <= now.getTime() ? {} : { at } };
}

/** The state behind the announce radio group: mode, the local time input, and its message. */
export function useAnnounceChoice(t: Strings, initialMode: AnnounceMode = 'now') {
  const [mode, setModeState] = useState<AnnounceMode>(initialMode);
  const [localAt, setLocalAtState] = useState('');
  const [error, setError] = useState<string | undefined>();
  return {
    mode,
    localAt,
    error,
    setMode: (next: AnnounceMode) => {
      setModeState(next);
      setError(undefined);
    },
    setLocalAt: (next: string) => {
      setLocalAtState(next);
      setError(undefined);
    },
    /** A message from the server about the time (fields.at). */
    setError,
    /** The request to send, or undefined after showing why the time does not work. */
    resolve: (limits: AnnounceLimits): AnnounceRequest | undefined => {
      const result = resolveAnnounce(mode, localAt, limits, t);
      if (!result.ok) {
        setError(result.error);
        return undefined;
      }
      setError(undefined);
      return result.request;
    },
  };
}

export type AnnounceChoiceState = ReturnType<typeof useAnnounceChoice>;

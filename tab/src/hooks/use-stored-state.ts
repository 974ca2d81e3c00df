import { useCallback, useState } from 'react';

/** Storage can be off (private windows, Teams policies): then the choice lasts for the session. */
function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not stored; the in-memory state still holds the choice.
    return;
  }
}

/** A string remembered in localStorage, validated on read. */
export function useStoredState<T extends string>(
  key: string,
  accept: (raw: string) => raw is T,
): [T | null, (value: T | null) => void] {
  const [value, setValue] = useState<T | null>(() => {
    const raw = read(key);
    return raw !== null && accept(raw) ? raw : null;
  });
  const update = useCallback(
    (next: T | null) => {
      write(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, update];
}

export const STORAGE_KEYS = {
  person: 'chorus.person',
  theme: 'chorus.theme',
  language: 'chorus.language',
} as const;

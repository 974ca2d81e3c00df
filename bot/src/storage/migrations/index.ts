import * as m001 from './001-foundation.js';

/** Ordered; an applied migration is never edited, only followed by a new one. */
export const migrations: ReadonlyArray<{ id: string; sql: string }> = [{ id: '001-foundation', sql: m001.sql }];

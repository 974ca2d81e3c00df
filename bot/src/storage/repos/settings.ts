import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { msg } from '../../domain/messages/message.js';
import type { MySettings } from '../../domain/model/points.js';
import { needsNewBoardId } from '../../domain/points/my-settings.js';
import { pseudonymSkeleton } from '../../domain/points/pseudonym.js';
import type { Db, Queryable } from '../db.js';
import type { NotificationLevel } from './preferences.js';

/** A pseudonym as stored: the value shown and its skeleton (what uniqueness is checked by). */
interface Pseudonym {
  value: string;
  key: string;
}

/** What to store, already checked (the pseudonym normalised, with its skeleton). */
export interface SettingsChange {
  resultsCards?: boolean | undefined;
  /** `pseudonym` left out (undefined): it stays as it is; null: show my name. */
  leaderboard?: { optIn: boolean; pseudonym?: Pseudonym | null | undefined } | undefined;
  notificationLevel?: NotificationLevel | undefined;
  paused?: boolean | undefined;
  language?: 'de' | 'en' | undefined;
}

/** Opaque and random (a v4 UUID, 122 random bits, unrelated to the person id): what the board shows instead of a person id. */
const newBoardId = () => randomUUID();

const pseudonymTaken = () => new AppError('conflict', msg('pseudonym.taken'), { 'leaderboard.pseudonym': msg('pseudonym.taken') });
const someonesName = () => new AppError('conflict', msg('pseudonym.someonesName'), { 'leaderboard.pseudonym': msg('pseudonym.someonesName') });

/**
 * A pseudonym nobody else holds and that is not (and does not look like) another person's
 * name — otherwise Bob could appear as "Anna Schmidt" next to the real Anna. Names are
 * compared by their skeleton here, one pass over the people (a rare, deliberate change).
 */
async function checkPseudonymFree(tx: Queryable, personId: string, pseudonym: Pseudonym): Promise<void> {
  const [taken] = await tx.query('select 1 from preferences where pseudonym_key = $1 and person_id <> $2', [pseudonym.key, personId]);
  if (taken) throw pseudonymTaken();
  const others = await tx.query<{ display_name: string }>('select display_name from people where id <> $1', [personId]);
  if (others.some((o) => pseudonymSkeleton(o.display_name) === pseudonym.key)) throw someonesName();
}

async function read(q: Queryable, personId: string): Promise<MySettings> {
  const [row] = await q.query<{
    results_cards: boolean | null;
    leaderboard_opt_in: boolean | null;
    pseudonym: string | null;
    board_id: string | null;
    notification_level: NotificationLevel | null;
    paused: boolean | null;
    language: 'de' | 'en';
  }>(
    `select pr.results_cards, pr.leaderboard_opt_in, pr.pseudonym, pr.board_id, pr.notification_level, pr.paused,
            coalesce(pr.language, pe.language) as language
     from people pe left join preferences pr on pr.person_id = pe.id where pe.id = $1`,
    [personId],
  );
  return {
    resultsCards: row?.results_cards ?? true,
    leaderboard: { optIn: row?.leaderboard_opt_in ?? false, pseudonym: row?.pseudonym ?? null, boardId: row?.board_id ?? null },
    notificationLevel: row?.notification_level ?? 'every',
    paused: row?.paused ?? false,
    language: row?.language ?? 'en',
  };
}

/**
 * A person's settings: the same `preferences` row the bot's settings card and "stop"
 * write (one source of truth), plus the results card and the leaderboard opt-in.
 */
export function settingsRepo(db: Db) {
  return {
    get: (personId: string) => read(db, personId),

    /** Writes what changed, in one transaction; a pseudonym somebody else holds is a 409 and nothing is written. */
    async update(personId: string, change: SettingsChange): Promise<MySettings> {
      try {
        return await db.transaction(async (tx) => {
          const board = change.leaderboard;
          if (board?.pseudonym) await checkPseudonymFree(tx, personId, board.pseudonym);
          await tx.query('insert into preferences (person_id) values ($1) on conflict do nothing', [personId]);
          await tx.query(
            `update preferences set
               results_cards = coalesce($2, results_cards),
               notification_level = coalesce($3, notification_level),
               paused = coalesce($4, paused),
               language = coalesce($5, language),
               updated_at = now()
             where person_id = $1`,
            [personId, change.resultsCards ?? null, change.notificationLevel ?? null, change.paused ?? null, change.language ?? null],
          );
          if (board) {
            const [current] = await tx.query<{ leaderboard_opt_in: boolean | null; pseudonym: string | null; pseudonym_key: string | null; board_id: string | null }>(
              'select leaderboard_opt_in, pseudonym, pseudonym_key, board_id from preferences where person_id = $1 for update',
              [personId],
            );
            const wasIn = current?.leaderboard_opt_in ?? false;
            const kept = wasIn && current?.pseudonym && current.pseudonym_key ? { value: current.pseudonym, key: current.pseudonym_key } : null;
            // Opting out keeps nothing: the pseudonym and the board id go at once (from every period).
            const pseudonym = !board.optIn ? null : board.pseudonym === undefined ? kept : board.pseudonym;
            const renamed = needsNewBoardId({ optIn: wasIn, pseudonym: current?.pseudonym ?? null }, { optIn: board.optIn, pseudonym: pseudonym?.value ?? null });
            const boardId = !board.optIn ? null : renamed || !current?.board_id ? newBoardId() : current.board_id;
            await tx.query(
              'update preferences set leaderboard_opt_in = $2, pseudonym = $3, pseudonym_key = $4, board_id = $5::uuid where person_id = $1',
              [personId, board.optIn, pseudonym?.value ?? null, pseudonym?.key ?? null, boardId],
            );
            // A thank-you shown under the old name would now carry the new one (and link the
            // two): a new name starts with every thank-you private again; the person may show them anew.
            if (renamed) await tx.query('update thanks set shown_at = null where person_id = $1 and shown_at is not null', [personId]);
          }
          if (change.language) await tx.query('update people set language = $2 where id = $1', [personId, change.language]);
          return read(tx, personId);
        });
      } catch (err) {
        // Two people choosing look-alike pseudonyms at the same moment: the unique index decides.
        if ((err as { code?: string }).code === '23505') throw pseudonymTaken();
        throw err;
      }
    },
  };
}
export type SettingsRepo = ReturnType<typeof settingsRepo>;

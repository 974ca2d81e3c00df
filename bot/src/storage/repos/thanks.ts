import type { Queryable } from '../db.js';
import type { MyThank, ShownThank } from '../../domain/model/thanks.js';

type Row = { id: string; message: string; created_at: Date; shown_at: Date | null };
const mine = (r: Row): MyThank => ({ id: r.id, message: r.message, at: r.created_at.toISOString(), shown: r.shown_at !== null });

/**
 * Thank-yous from the content team. The receiver alone reads theirs and decides whether
 * others may see one; admins address them only through the leaderboard's entry ids.
 */
export function thanksRepo(db: Queryable) {
  return {
    /** Who is behind a leaderboard entry, while they are on the board; undefined otherwise. */
    async personOnBoard(boardId: string): Promise<string | undefined> {
      const [row] = await db.query<{ person_id: string }>(BOARD_ENTRY, [boardId]);
      return row?.person_id;
    },

    async add(personId: string, fromPersonId: string, message: string): Promise<string> {
      const [row] = await db.query<{ id: string }>('insert into thanks (person_id, from_person_id, message) values ($1, $2, $3) returning id', [personId, fromPersonId, message]);
      return row!.id;
    },

    async mine(personId: string): Promise<MyThank[]> {
      const rows = await db.query<Row>('select id, message, created_at, shown_at from thanks where person_id = $1 order by created_at desc, id limit 100', [personId]);
      return rows.map(mine);
    },

    /** Only the receiver's own: another person's id answers like one that does not exist. */
    async setShown(personId: string, id: string, shown: boolean): Promise<MyThank | undefined> {
      const [row] = await db.query<Row>(
        `update thanks set shown_at = case when $3 then coalesce(shown_at, now()) else null end
         where id = $1 and person_id = $2 returning id, message, created_at, shown_at`,
        [id, personId, shown],
      );
      return row && mine(row);
    },

    /** What receivers chose to show, under the name they show on the board (their pseudonym, if they chose one). */
    async shown(limit = 20): Promise<ShownThank[]> {
      const rows = await db.query<{ id: string; name: string; message: string; created_at: Date }>(SHOWN, [limit]);
      return rows.map((r) => ({ id: r.id, name: r.name, message: r.message, at: r.created_at.toISOString() }));
    },
  };
}
export type ThanksRepo = ReturnType<typeof thanksRepo>;

/** The words of one thank-you, for the card to its receiver. */
export async function thankMessage(db: Queryable, id: string, personId: string): Promise<string | undefined> {
  const [row] = await db.query<{ message: string }>('select message from thanks where id = $1 and person_id = $2', [id, personId]);
  return row?.message;
}

// Someone is on the board while they opted in (migration 016) and the points programme is
// on; the board shows their pseudonym if they chose one, else their name — and so does a
// thank-you they show, only while they are on the board: opting out takes their thank-yous
// off the wall too (else one seen under a pseudonym would reappear under their real name).
const BOARD_ENTRY = `select pr.person_id from preferences pr
  where pr.board_id = $1::uuid and pr.leaderboard_opt_in and (select enabled from points_rules where id)`;
const SHOWN = `select t.id, coalesce(pr.pseudonym, p.display_name) as name, t.message, t.created_at
  from thanks t join people p on p.id = t.person_id join preferences pr on pr.person_id = t.person_id
  where t.shown_at is not null and pr.leaderboard_opt_in and pr.board_id is not null
  order by t.shown_at desc, t.id limit $1`;

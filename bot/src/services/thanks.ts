import { notFound } from '../domain/errors.js';
import type { ThankInput } from '../domain/model/thanks.js';
import { enqueueIn } from '../notifications/enqueue.js';
import { thanksKind } from '../notifications/kinds/thanks.js';
import type { Db } from '../storage/db.js';
import { thanksRepo } from '../storage/repos/thanks.js';

/** Thank-yous: sent by admins to someone on the board, read and shown (or not) by their receiver. */
export function thanksService(db: Db) {
  return {
    /** Stores it and queues its card in one transaction; someone not on the board is a 404 and nothing is written. */
    async send(input: ThankInput, fromPersonId: string): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const repo = thanksRepo(tx);
        const personId = await repo.personOnBoard(input.boardId);
        if (!personId) throw notFound('Thanks');
        const id = await repo.add(personId, fromPersonId, input.message);
        await enqueueIn(tx, thanksKind, { thanksId: id }, { people: [personId] }, 'now', fromPersonId);
        return { id };
      });
    },
    mine: (personId: string) => thanksRepo(db).mine(personId),
    async setShown(personId: string, id: string, shown: boolean) {
      const thank = await thanksRepo(db).setShown(personId, id, shown);
      if (!thank) throw notFound('Thanks');
      return thank;
    },
    shown: () => thanksRepo(db).shown(),
  };
}

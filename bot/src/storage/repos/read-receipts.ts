import type { Db } from '../db.js';

/** Teams message ids in a chat are numbers that grow with time (milliseconds since 1970). */
const MESSAGE_ID = /^[0-9]{1,18}$/;

/**
 * Read receipts from the bot's personal chats (issue 13 §2), counted as totals per
 * announcement. A receipt says "everything up to this message was read": the cards in that
 * chat between the last receipt and this one count once each, and the chat remembers only
 * the newest id read. Returns how many cards were newly counted.
 */
export function readReceiptsRepo(db: Db) {
  return {
    async record(conversationId: string, lastReadMessageId: unknown): Promise<number> {
      if (typeof lastReadMessageId !== 'string' || !MESSAGE_ID.test(lastReadMessageId)) return 0;
      return db.transaction(async (tx) => {
        // One row for the whole tenant: written only when missing or a minute old, so receipts do not queue on its lock.
        const [seen] = await tx.query<{ fresh: boolean }>(`select last_at > now() - interval '1 minute' as fresh from read_receipts_seen`);
        if (!seen?.fresh) {
          await tx.query(`insert into read_receipts_seen (id, last_at) values (true, now()) on conflict (id) do update set last_at = now()`);
        }
        const [chat] = await tx.query<{ last: string | null }>('select last_read_message::text as last from conversations where id = $1 for update', [conversationId]);
        if (!chat) return 0;
        if (chat.last !== null && BigInt(chat.last) >= BigInt(lastReadMessageId)) return 0;
        const [counted] = await tx.query<{ n: number }>(
          `with newly as (
             select announcement_id, count(*)::int as n from deliveries
             where conversation_id = $1 and status = 'sent'
               and (case when activity_id ~ '^[0-9]{1,18}$' then activity_id::bigint end) > coalesce($2::bigint, 0)
               and (case when activity_id ~ '^[0-9]{1,18}$' then activity_id::bigint end) <= $3::bigint
             group by announcement_id
           ), counted as (
             insert into announcement_reads (announcement_id, reads) select announcement_id, n from newly
             on conflict (announcement_id) do update set reads = announcement_reads.reads + excluded.reads
           )
           select coalesce(sum(n), 0)::int as n from newly`,
          [conversationId, chat.last, lastReadMessageId],
        );
        await tx.query('update conversations set last_read_message = $2::bigint where id = $1', [conversationId, lastReadMessageId]);
        return counted?.n ?? 0;
      });
    },
  };
}
export type ReadReceiptsRepo = ReturnType<typeof readReceiptsRepo>;

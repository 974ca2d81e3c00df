// Issue 13, after review: what the funnel, read receipts and the items list need at company
// size, and the first time of a share for the analytics back-fill.
//
// - A read receipt finds the cards of one chat: deliveries by conversation.
// - The funnel and the items list find an item's announcements by the item in their payload.
// - Posting an item again to a network moves the share's time (`created_at`); the analytics
//   processor counted it when it was first posted. `first_at` keeps that time once it moves
//   (null: never moved), and the back-fill reads coalesce(first_at, created_at).
export const sql = /* sql */ `
create index deliveries_conversation_idx on deliveries (conversation_id) where status = 'sent';
create index announcements_item_payload_idx on announcements ((payload->>'itemId')) where kind = 'item';
alter table shares add column first_at timestamptz;
`;

// Issue 13 §2: the funnel per announcement and per item — recipients, delivered, read,
// share page opened, posted, clicks, conversions.
//
// "Read" comes from Teams read receipts in the bot's personal chats and is kept as a total
// per announcement (`announcement_reads`), never per person. To count each card once, a chat
// remembers only the newest message id Teams said was read (`last_read_message`, the
// message ids of a chat grow with time); cards sent with an id up to it count as read when
// the receipt moves it. `read_receipts_seen` says whether any receipt arrived at all: until
// one did (the permission is missing, or everybody switched read receipts off), the funnel
// says "not available" instead of 0.
//
// A share page counts as opened once per person and item (`share_tokens.opened_at`).
export const sql = /* sql */ `
alter table conversations add column last_read_message bigint;
create table announcement_reads (
  announcement_id uuid primary key references announcements(id) on delete cascade,
  reads integer not null default 0 check (reads >= 0)
);
create table read_receipts_seen (
  id boolean primary key default true check (id),
  last_at timestamptz not null
);
alter table share_tokens add column opened_at timestamptz;
create index share_tokens_opened_idx on share_tokens (item_id) where opened_at is not null;
`;

// Issue 12: unique readers per tracked link and tenant-local day, without keeping anyone's
// address. A reader's mark is an HMAC of (link, address, user agent) under the day's random
// key; the job "reader-days" deletes a day's key and marks within the hour after the day
// ends, and then no mark can be tested against a candidate address any more. What stays is
// a count per link and day.
export const sql = /* sql */ `
-- One random key per tenant-local day, made a day ahead so a redirect at midnight never
-- waits for the database. Deleted with the day's marks once the day is over.
create table reader_day_keys (
  day date primary key,
  key bytea not null check (length(key) = 32),
  created_at timestamptz not null default now()
);

-- Who already counted as a reader of a link on a day; the primary key is what tells a
-- repeat apart. Day first: the day-end job deletes whole days by the key's prefix.
create table reader_marks (
  day date not null,
  link_code text not null,
  mark bytea not null,
  primary key (day, link_code, mark)
);

-- Unique readers per link and day (kept; no mark in it).
create table link_readers (
  link_code text not null references links(code) on delete cascade,
  day date not null,
  item_id uuid not null,
  network text not null,
  readers integer not null check (readers > 0),
  primary key (link_code, day)
);

-- My impact reads one person's shares by time.
create index shares_person_time_idx on shares (person_id, created_at);
`;

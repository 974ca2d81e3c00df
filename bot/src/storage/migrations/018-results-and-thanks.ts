// Issue 12: the personal results card can be turned off (on by default; the settings
// endpoint and the bot's settings card write the same column), and thanks from the
// content team. A thank-you names who receives it and who wrote it; it is shown to
// others only once the person agrees (`shown_at`).
export const sql = /* sql */ `
alter table preferences add column if not exists results_cards boolean not null default true;

create table thanks (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people(id) on delete cascade,
  from_person_id uuid references people(id) on delete set null,
  message text not null check (char_length(message) between 1 and 500),
  created_at timestamptz not null default now(),
  shown_at timestamptz
);
create index thanks_person_idx on thanks (person_id, created_at desc);
create index thanks_shown_idx on thanks (shown_at desc) where shown_at is not null;
`;

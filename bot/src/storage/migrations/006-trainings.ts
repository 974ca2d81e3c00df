// Trainings (issue 5): sessions people register for, with a waitlist, and their
// announcement through the delivery engine.
export const sql = /* sql */ `
create table trainings (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text not null default '',
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- the IANA zone it was planned in: the calendar file names it; readers see their own
  time_zone text not null,
  meeting_url text,
  room text,
  capacity integer not null check (capacity between 1 and 10000),
  language text not null check (language in ('de', 'en')),
  audience_departments text[] not null default '{}',
  audience_locations text[] not null default '{}',
  host text not null,
  materials_url text,
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
  -- bumped on every change people should see: the calendar file's SEQUENCE
  sequence integer not null default 0,
  created_by uuid references people(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  cancelled_at timestamptz,
  check (ends_at > starts_at),
  check (meeting_url is not null or room is not null)
);
create index trainings_starts_idx on trainings (starts_at, id);

-- The waitlist's order: a place is taken when someone joins it (again).
create sequence training_queue_seq;

create table training_registrations (
  training_id uuid not null references trainings(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  status text not null check (status in ('registered', 'waitlisted', 'cancelled')),
  queued bigint not null default nextval('training_queue_seq'),
  -- set by admins after the session; null: not recorded
  attended boolean,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (training_id, person_id)
);
create index training_registrations_person_idx on training_registrations (person_id);
create index training_waitlist_idx on training_registrations (training_id, queued) where status = 'waitlisted';
`;

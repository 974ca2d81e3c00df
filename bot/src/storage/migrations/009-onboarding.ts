// Onboarding for new hires (issue 5): a checklist admins define, progress per person,
// steps Chorus can observe tick themselves, one friendly reminder after a week.
export const sql = /* sql */ `
create table onboarding_steps (
  id uuid primary key default gen_random_uuid(),
  position integer not null default 0,
  -- manual: the person ticks it; the others tick themselves when Chorus sees it happen
  kind text not null check (kind in ('manual', 'guidelines', 'training', 'first_share')),
  title_de text not null default '',
  title_en text not null default '',
  -- tips, Markdown (rendered with the same rules as guidelines)
  body_de text not null default '',
  body_en text not null default '',
  link_url text,
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (title_de <> '' or title_en <> '')
);
create index onboarding_steps_position_idx on onboarding_steps (position, created_at) where not archived;

create table onboarding_progress (
  person_id uuid not null references people(id) on delete cascade,
  step_id uuid not null references onboarding_steps(id) on delete cascade,
  done_at timestamptz not null default now(),
  primary key (person_id, step_id)
);

-- An admin marked the person as new (until then); null: by the join date or first contact.
alter table people add column new_hire_until timestamptz;
-- The one reminder, once.
alter table people add column onboarding_reminded_at timestamptz;

alter table announcements drop constraint announcements_subject_check;
alter table announcements add constraint announcements_subject_check
  check (subject in ('item', 'digest', 'crisis_notice', 'all_clear', 'card_update', 'training', 'training_notice', 'onboarding_reminder'));
`;

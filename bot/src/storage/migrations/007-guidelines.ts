// Guidelines (issue 5): pages of Markdown in German and English. Every save is a new
// version (the latest is current); acknowledgements are per person and version and are
// only ever shown to that person.
export const sql = /* sql */ `
create table guideline_pages (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
  position integer not null default 0,
  created_at timestamptz not null default now()
);

create table guideline_versions (
  page_id uuid not null references guideline_pages(id) on delete cascade,
  version integer not null check (version > 0),
  title_de text not null default '',
  title_en text not null default '',
  body_de text not null default '',
  body_en text not null default '',
  change_note_de text not null default '',
  change_note_en text not null default '',
  created_by uuid references people(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (page_id, version)
);

create table guideline_acknowledgements (
  person_id uuid not null references people(id) on delete cascade,
  page_id uuid not null,
  version integer not null,
  acknowledged_at timestamptz not null default now(),
  primary key (person_id, page_id, version),
  foreign key (page_id, version) references guideline_versions(page_id, version) on delete cascade
);
`;

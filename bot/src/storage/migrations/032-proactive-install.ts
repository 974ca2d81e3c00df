// Issue 14 §3: reaching people who never opened Chorus. With PROACTIVE_INSTALL on, an item's or
// a session's announcement also counts people of its audience who have no personal chat with
// the bot yet: their delivery waits, without a conversation, until Chorus has installed the app
// for them through Graph and read the chat's id (or fails with the install's reason). One
// install per person, whatever number of announcements wait for it.
export const sql = /* sql */ `
alter table deliveries alter column conversation_id drop not null;
alter table deliveries add constraint deliveries_sent_has_chat check (status <> 'sent' or conversation_id is not null);
-- The deliveries that wait for a person's install (moved on, or failed, once it ends).
create index deliveries_installing_idx on deliveries (person_id) where status = 'pending' and conversation_id is null;

create table app_installs (
  person_id uuid primary key references people(id) on delete cascade,
  tenant_id text not null,
  -- pending: to do (or waiting for a retry); installed: the chat is stored; failed: see reason
  status text not null default 'pending' check (status in ('pending', 'installed', 'failed')),
  -- why it failed, or why the last try has to be repeated (install_forbidden, install_not_found …)
  reason text,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- set while a worker has the install in hand
  claimed_at timestamptz,
  chat_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index app_installs_due_idx on app_installs (tenant_id, next_attempt_at) where status = 'pending' and claimed_at is null;
`;

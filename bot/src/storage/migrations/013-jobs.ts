// Issue 11: one runner for background work, apart from the card sender. One row per job
// (a schedule, or a one-off run): whoever claims a due row with one conditional update runs
// it, so each run happens once across processes; a lease that runs out (the process died)
// lets another take it over. The columns are also what operators read.
export const sql = /* sql */ `
create table jobs (
  -- a scheduled job's name, or handler:key for a one-off run
  name text primary key,
  -- the job definition in code that runs it
  handler text not null,
  -- what operators read: the cron pattern and zone, "every 30 s", "off"; null for one-off runs
  schedule text,
  payload jsonb,
  -- when the next run is due; null: nothing due (a finished one-off run, a schedule that is off)
  next_run_at timestamptz,
  -- the process running it and until when its lease holds (renewed while it runs)
  leased_by text,
  lease_until timestamptz,
  -- tries of the current run, the running one included; 0 between runs
  attempts integer not null default 0,
  last_started_at timestamptz,
  -- the last run that succeeded
  last_finished_at timestamptz,
  last_failed_at timestamptz,
  last_error text,
  -- failed tries, ever
  failures integer not null default 0,
  created_at timestamptz not null default now()
);
create index jobs_due_idx on jobs (next_run_at) where next_run_at is not null;
`;

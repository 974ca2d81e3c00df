import type { ObservedProgress } from '../../domain/onboarding/checklist.js';
import type { NewHireFacts, ReminderFacts } from '../../domain/onboarding/new-hire.js';
import type { OnboardingStore, PersonFacts } from '../../domain/onboarding/onboarding-service.js';
import type { Page } from '../../domain/model/common.js';
import type { OnboardingStepAdmin, OnboardingStepInput, OnboardingStepKind } from '../../domain/model/onboarding.js';
import { containsPattern } from './rows.js';
import type { Queryable } from '../db.js';
import { keysetPage } from '../keyset.js';

interface StepRow {
  id: string;
  kind: OnboardingStepKind;
  title_de: string;
  title_en: string;
  body_de: string;
  body_en: string;
  link_url: string | null;
  position: number;
}

const toStepAdmin = (r: StepRow): OnboardingStepAdmin => ({
  id: r.id, kind: r.kind, title: { de: r.title_de, en: r.title_en }, body: { de: r.body_de, en: r.body_en }, linkUrl: r.link_url, position: r.position,
});

interface PersonRow {
  joined_at: Date | null;
  created_at: Date;
  new_hire_until: Date | null;
}
const toFacts = (r: PersonRow): NewHireFacts => ({ joinedAt: r.joined_at, firstSeenAt: r.created_at, markedUntil: r.new_hire_until });

/**
 * What Chorus saw of each person's progress, in one statement: the manual steps ticked, and
 * the facts the automatic steps follow (domain/onboarding/checklist.ts decides what counts).
 */
export async function loadProgress(q: Queryable, personIds: readonly string[]): Promise<Map<string, ObservedProgress>> {
  if (personIds.length === 0) return new Map();
  const rows = await q.query<{ id: string; ticked: string[]; acknowledged: boolean; training_statuses: string[]; shared: boolean }>(
    `select p.id,
       array(select g.step_id::text from onboarding_progress g where g.person_id = p.id)::text[] as ticked,
       exists (select 1 from guideline_acknowledgements a where a.person_id = p.id) as acknowledged,
       array(select distinct r.status from training_registrations r where r.person_id = p.id)::text[] as training_statuses,
       exists (select 1 from links l where l.person_id = p.id) as shared
     from people p where p.id = any($1::uuid[])`,
    [personIds],
  );
  return new Map(
    rows.map((r) => [r.id, { ticked: new Set(r.ticked), guidelinesAcknowledged: r.acknowledged, trainingStatuses: r.training_statuses, shared: r.shared }]),
  );
}

/** The checklist, by position (what admins define). */
export async function loadSteps(q: Queryable): Promise<OnboardingStepAdmin[]> {
  const rows = await q.query<StepRow>('select * from onboarding_steps where not archived order by position, created_at');
  return rows.map(toStepAdmin);
}

/**
 * Marks these people reminded, unless they were already: returns those marked now (so a
 * second run, in any process, reminds nobody twice).
 */
export async function markReminded(q: Queryable, personIds: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'update people set onboarding_reminded_at = now() where id = any($1::uuid[]) and onboarding_reminded_at is null returning id',
    [personIds],
  );
  return rows.map((r) => r.id);
}

/** The onboarding checklist and each person's progress: stored and loaded; the rules are in the domain. */
export function onboardingRepo(db: Queryable): OnboardingStore {
  return {
    async person(personId) {
      const [row] = await db.query<PersonRow>('select joined_at, created_at, new_hire_until from people where id = $1', [personId]);
      return row && toFacts(row);
    },

    steps: () => loadSteps(db),

    /** The admin list, by position: the same steps as `steps()`, a page at a time. */
    stepsPage(page): Promise<Page<OnboardingStepAdmin>> {
      return keysetPage(db, {
        columns: 's.*',
        from: 'from onboarding_steps s',
        where: ['not s.archived'],
        keys: [{ sql: 's.position', kind: 'int' }, { sql: 's.created_at', kind: 'timestamp' }, { sql: 's.id', kind: 'uuid' }],
        direction: 'asc',
        page,
        map: toStepAdmin,
      });
    },

    progress: (personIds) => loadProgress(db, personIds),

    async setTicked(personId, stepId, done) {
      await db.query(
        done
          ? 'insert into onboarding_progress (person_id, step_id) values ($1, $2) on conflict do nothing'
          : 'delete from onboarding_progress where person_id = $1 and step_id = $2',
        [personId, stepId],
      );
    },

    async createStep(input: OnboardingStepInput) {
      const [row] = await db.query<{ id: string }>(
        `insert into onboarding_steps (kind, title_de, title_en, body_de, body_en, link_url, position)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [input.kind, input.title.de, input.title.en, input.body.de, input.body.en, input.linkUrl ?? null, input.position],
      );
      return row!.id;
    },

    async updateStep(id, input) {
      const rows = await db.query(
        `update onboarding_steps set kind = $2, title_de = $3, title_en = $4, body_de = $5, body_en = $6, link_url = $7, position = $8, updated_at = now()
         where id = $1 and not archived returning 1`,
        [id, input.kind, input.title.de, input.title.en, input.body.de, input.body.en, input.linkUrl ?? null, input.position],
      );
      return rows.length > 0;
    },

    async archiveStep(id) {
      const rows = await db.query('update onboarding_steps set archived = true, updated_at = now() where id = $1 and not archived returning 1', [id]);
      return rows.length > 0;
    },

    async searchPeople(q): Promise<PersonFacts[]> {
      const rows = await db.query<PersonRow & { id: string; display_name: string; department: string | null; location: string | null }>(
        `select id, display_name, department, location, joined_at, created_at, new_hire_until from people
         where display_name ilike $1 order by display_name, id limit 20`,
        [containsPattern(q)],
      );
      return rows.map((r) => ({ id: r.id, displayName: r.display_name, department: r.department, location: r.location, ...toFacts(r) }));
    },

    async markNewHire(personId, until) {
      const rows = await db.query(
        'update people set new_hire_until = $2, new_hire_marked_at = case when $2::timestamptz is null then null else now() end where id = $1 returning 1',
        [personId, until],
      );
      return rows.length > 0;
    },

    /**
     * Not yet reminded, and new at `now` by their join date, first contact or an admin's mark —
     * found by index (recent join, first contact or mark); domain/onboarding decides who is due.
     */
    async reminderCandidates(now, newHireDays): Promise<Array<ReminderFacts & { id: string }>> {
      const rows = await db.query<PersonRow & { id: string; new_hire_marked_at: Date | null; wants: boolean }>(
        `select p.id, p.joined_at, p.created_at, p.new_hire_until, p.new_hire_marked_at,
           exists (select 1 from conversations c where c.person_id = p.id and c.kind = 'personal' and c.status = 'active')
           and not exists (select 1 from preferences pr where pr.person_id = p.id and (pr.paused or pr.notification_level = 'none')) as wants
         from people p
         where p.onboarding_reminded_at is null
           and (p.joined_at > $1::timestamptz - $2::int * interval '1 day'
             or (p.joined_at is null and p.created_at > $1::timestamptz - $2::int * interval '1 day')
             or p.new_hire_until > $1::timestamptz)`,
        [now, newHireDays],
      );
      return rows.map((r) => ({ id: r.id, ...toFacts(r), markedAt: r.new_hire_marked_at, remindedAt: null, wantsReminders: r.wants }));
    },
  };
}
export type OnboardingRepo = ReturnType<typeof onboardingRepo>;

import { conflict, notFound } from '../../domain/errors.js';
import { isNewHire, newHireUntil, NEW_HIRE_UNTIL_SQL, REMINDER_AFTER_DAYS } from '../../domain/onboarding/new-hire.js';
import type { Language, Page } from '../../domain/model/common.js';
import type { NewHireCandidate, Onboarding, OnboardingStepAdmin, OnboardingStepInput, OnboardingStepKind } from '../../domain/model/onboarding.js';
import { containsPattern } from './rows.js';
import { markdownToHtml } from '../../domain/text/markdown-policy.js';
import type { Db } from '../db.js';
import { keysetPage } from '../keyset.js';
import { enqueueIn } from '../../notifications/enqueue.js';
import { onboardingReminderKind } from '../../notifications/kinds/onboarding-reminder.js';
import { ONBOARDING_DONE_SQL } from './onboarding-done.js';

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

const pick = (de: string, en: string, lang: Language) => (lang === 'de' ? de || en : en || de);

/** The onboarding checklist: what admins define, where each person stands. */
export function onboardingRepo(db: Db, options: { newHireDays: number; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  return {
    async mine(personId: string, lang: Language): Promise<Onboarding> {
      const [person] = await db.query<{ joined_at: Date | null; created_at: Date; new_hire_until: Date | null }>(
        'select joined_at, created_at, new_hire_until from people where id = $1',
        [personId],
      );
      if (!person) throw notFound('Person');
      const rows = await db.query<StepRow & { done: boolean }>(
        `select s.*, ${ONBOARDING_DONE_SQL('$1')} as done from onboarding_steps s where not s.archived order by s.position, s.created_at`,
        [personId],
      );
      const facts = { joinedAt: person.joined_at, firstSeenAt: person.created_at, markedUntil: person.new_hire_until };
      const steps = rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: pick(r.title_de, r.title_en, lang),
        bodyHtml: markdownToHtml(pick(r.body_de, r.body_en, lang)),
        linkUrl: r.link_url,
        done: r.done,
        automatic: r.kind !== 'manual',
      }));
      return {
        newHire: isNewHire(facts, options.newHireDays, now()),
        newHireUntil: newHireUntil(facts, options.newHireDays).toISOString(),
        steps,
        done: steps.filter((s) => s.done).length,
        total: steps.length,
      };
    },

    /** Ticks or unticks a manual step; the others follow what Chorus sees (409). */
    async mark(personId: string, stepId: string, done: boolean): Promise<void> {
      const [step] = await db.query<{ kind: OnboardingStepKind }>('select kind from onboarding_steps where id = $1 and not archived', [stepId]);
      if (!step) throw notFound('Step');
      if (step.kind !== 'manual') throw conflict('onboarding.ticksItself');
      await db.query(
        done
          ? 'insert into onboarding_progress (person_id, step_id) values ($1, $2) on conflict do nothing'
          : 'delete from onboarding_progress where person_id = $1 and step_id = $2',
        [personId, stepId],
      );
    },

    async steps(): Promise<OnboardingStepAdmin[]> {
      const rows = await db.query<StepRow>('select * from onboarding_steps where not archived order by position, created_at');
      return rows.map(toStepAdmin);
    },

    /** The admin list, by position: the same steps as `steps()`, a page at a time. */
    stepsPage(page: { cursor?: string | undefined; limit: number }): Promise<Page<OnboardingStepAdmin>> {
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

    async createStep(input: OnboardingStepInput): Promise<string> {
      const [row] = await db.query<{ id: string }>(
        `insert into onboarding_steps (kind, title_de, title_en, body_de, body_en, link_url, position)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [input.kind, input.title.de, input.title.en, input.body.de, input.body.en, input.linkUrl ?? null, input.position],
      );
      return row!.id;
    },

    async updateStep(id: string, input: OnboardingStepInput): Promise<void> {
      const rows = await db.query(
        `update onboarding_steps set kind = $2, title_de = $3, title_en = $4, body_de = $5, body_en = $6, link_url = $7, position = $8, updated_at = now()
         where id = $1 and not archived returning 1`,
        [id, input.kind, input.title.de, input.title.en, input.body.de, input.body.en, input.linkUrl ?? null, input.position],
      );
      if (rows.length === 0) throw notFound('Step');
    },

    /** Removed from the checklist; progress on it stays in the history. */
    async archiveStep(id: string): Promise<void> {
      const rows = await db.query('update onboarding_steps set archived = true, updated_at = now() where id = $1 and not archived returning 1', [id]);
      if (rows.length === 0) throw notFound('Step');
    },

    /** Colleagues whose name contains `q`, with their new-hire standing (not their progress: that is theirs). */
    async searchPeople(q: string): Promise<NewHireCandidate[]> {
      const rows = await db.query<{ id: string; display_name: string; department: string | null; location: string | null; joined_at: Date | null; created_at: Date; new_hire_until: Date | null }>(
        `select id, display_name, department, location, joined_at, created_at, new_hire_until from people
         where display_name ilike $1 order by display_name, id limit 20`,
        [containsPattern(q)],
      );
      return rows.map((r) => {
        const facts = { joinedAt: r.joined_at, firstSeenAt: r.created_at, markedUntil: r.new_hire_until };
        return {
          id: r.id,
          displayName: r.display_name,
          department: r.department,
          location: r.location,
          newHire: isNewHire(facts, options.newHireDays, now()),
          newHireUntil: newHireUntil(facts, options.newHireDays).toISOString(),
          marked: r.new_hire_until !== null,
        };
      });
    },

    async markNewHire(personId: string, until: Date | null): Promise<void> {
      const rows = await db.query(
        'update people set new_hire_until = $2, new_hire_marked_at = case when $2::timestamptz is null then null else now() end where id = $1 returning 1',
        [personId, until],
      );
      if (rows.length === 0) throw notFound('Person');
    },

    /**
     * The one friendly reminder: new hires whose start was a week or more ago — counted
     * from the latest of joining, the first contact with Chorus (the welcome) and an admin's
     * mark — with an unfinished checklist, a working chat, and notifications on. Marks them
     * reminded and queues one announcement for all, in one transaction: once, whichever
     * process runs it. Candidates are found by index (recent join, first contact or mark).
     */
    async planReminders(): Promise<number> {
      return db.transaction(async (tx) => {
        const due = await tx.query<{ id: string }>(
          `update people p set onboarding_reminded_at = now()
           where p.onboarding_reminded_at is null
             and (p.joined_at > now() - $1::int * interval '1 day'
               or (p.joined_at is null and p.created_at > now() - $1::int * interval '1 day')
               or p.new_hire_until > now())
             and greatest(coalesce(p.joined_at, p.created_at), p.created_at, coalesce(p.new_hire_marked_at, p.created_at))
               <= now() - interval '${REMINDER_AFTER_DAYS} days'
             and ${NEW_HIRE_UNTIL_SQL('$1::int')} > now()
             and exists (select 1 from conversations c where c.person_id = p.id and c.kind = 'personal' and c.status = 'active')
             and not exists (select 1 from preferences pr where pr.person_id = p.id and (pr.paused or pr.notification_level = 'none'))
             and exists (select 1 from onboarding_steps s where not s.archived and not (${ONBOARDING_DONE_SQL('p.id')}))
           returning p.id`,
          [options.newHireDays],
        );
        if (due.length > 0) await enqueueIn(tx, onboardingReminderKind, {}, { people: due.map((r) => r.id) }, 'now');
        return due.length;
      });
    },
  };
}
export type OnboardingRepo = ReturnType<typeof onboardingRepo>;

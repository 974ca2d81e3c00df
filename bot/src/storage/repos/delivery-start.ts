import type { AnnouncementSubjectKind } from '../../http/contract/announcements.js';
import type { Queryable } from '../db.js';

// Starting an announcement: its recipients are fixed in one statement together with the
// status change, so it happens exactly once even when several processes try. Three kinds:
// an audience (items, digests, trainings, the crisis card), named people or a session's
// registrants (notices), and the readers of an earlier announcement (follow-ups).

/** Each person's newest working personal chat with the bot (`p`: the person). */
const PERSONAL_CHAT = `join lateral (
           select c.id, c.tenant_id from conversations c
           where c.person_id = p.id and c.kind = 'personal' and c.status = 'active'
           order by c.updated_at desc limit 1
         ) c on true`;

/** The statement's answer: whether this call started it, and how many deliveries it made. */
const RESULT = `returning 1
       )
       select exists (select 1 from started) as started, (select count(*)::int from inserted) as recipients`;

/**
 * An audience: people with an active personal chat, in the audience, whose preferences
 * want this kind of announcement (the SQL form of domain/delivery/recipients.ts), who have
 * not had this item already.
 */
const AUDIENCE = `with started as (
           -- an item's audience as it is now, not as it was when the announcement was made
           update announcements a set status = 'sending', started_at = now(),
             audience_departments = coalesce((select i.audience_departments from items i where i.id = a.item_id),
               (select t.audience_departments from trainings t where t.id = a.training_id and a.subject = 'training'), a.audience_departments),
             audience_locations = coalesce((select i.audience_locations from items i where i.id = a.item_id),
               (select t.audience_locations from trainings t where t.id = a.training_id and a.subject = 'training'), a.audience_locations)
           where a.id = $1 and a.status = 'scheduled'
           returning a.id, a.subject, a.item_id, a.training_id, a.priority, a.audience_departments, a.audience_locations
         ), inserted as (
           insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, priority)
           select s.id, p.id, c.id, c.tenant_id, s.priority
           from started s
           join people p
             on (cardinality(s.audience_departments) = 0 or p.department = any(s.audience_departments))
            and (cardinality(s.audience_locations) = 0 or p.location = any(s.audience_locations))
           ${PERSONAL_CHAT}
           left join preferences pr on pr.person_id = p.id
           where not coalesce(pr.paused, false)
             -- the crisis notice: everybody reachable who did not say "stop"
             and (s.subject = 'crisis_notice'
               or coalesce(pr.notification_level, 'every') = case when s.subject in ('item', 'training') then 'every' else 'digest' end)
             and (s.subject <> 'item' or not exists (
               select 1 from deliveries d2 join announcements a2 on a2.id = d2.announcement_id
               where a2.item_id = s.item_id and d2.person_id = p.id and d2.status = 'sent'))
           on conflict do nothing
           ${RESULT}`;

/**
 * A notice to particular people (a seat, a change, a cancellation, the onboarding reminder:
 * the ids it names) or to those registered for a session (its reminders), reached by key
 * rather than by reading everyone. Nobody who said "stop"; the onboarding reminder also
 * not for people who turned notifications off.
 */
const NOTICE = `with started as (
         update announcements a set status = 'sending', started_at = now()
         where a.id = $1 and a.status = 'scheduled'
         returning a.id, a.subject, a.training_id, a.recipient_ids, a.priority
       ), wanted as (
         select x.person_id from started s, unnest(s.recipient_ids) as x(person_id) where s.recipient_ids is not null
         union
         select r.person_id from started s join training_registrations r on r.training_id = s.training_id and r.status = 'registered'
         where s.recipient_ids is null and s.subject = 'training_notice'
       ), inserted as (
         insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, priority)
         select s.id, p.id, c.id, c.tenant_id, s.priority
         from started s
         join wanted w on true
         join people p on p.id = w.person_id
         ${PERSONAL_CHAT}
         left join preferences pr on pr.person_id = p.id
         where not coalesce(pr.paused, false)
           and (s.subject <> 'onboarding_reminder' or coalesce(pr.notification_level, 'every') <> 'none')
         on conflict do nothing
         ${RESULT}`;

/**
 * A follow-up of an earlier announcement: a card_update goes to the cards its source
 * delivered (sent after covers_from, with the id Teams gave them), an all_clear to the
 * people its crisis notice reached. Only chats that still work.
 */
const FOLLOW_UP = `with started as (
         update announcements a set status = 'sending', started_at = now()
         where a.id = $1 and a.status = 'scheduled'
         returning a.id, a.subject, a.source_announcement_id, a.covers_from, a.priority, a.card_state,
           (select src.created_at from announcements src where src.id = a.source_announcement_id) as source_created_at
       ), inserted as (
         insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, priority, activity_id)
         select s.id, d.person_id, d.conversation_id, d.tenant_id, s.priority, case when s.subject = 'card_update' then d.activity_id end
         from started s
         join deliveries d on d.announcement_id = s.source_announcement_id and d.status = 'sent'
         join conversations c on c.id = d.conversation_id and c.status = 'active'
         where (s.covers_from is null or d.sent_at > s.covers_from)
           and (s.subject <> 'card_update' or d.activity_id is not null)
           -- not twice: a restore skips cards an earlier restore of the same pause reached
           -- (one cancelled midway by a quick on-off-on); an all-clear skips people who
           -- got any all-clear since this crisis card
           and not exists (
             select 1 from announcements sib join deliveries x on x.announcement_id = sib.id and x.person_id = d.person_id
             where sib.id <> s.id and sib.subject = s.subject and sib.card_state is not distinct from s.card_state
               and x.status in ('sent', 'pending')
               and case when s.subject = 'all_clear' then sib.created_at >= s.source_created_at
                        else sib.source_announcement_id = s.source_announcement_id end)
         on conflict do nothing
         ${RESULT}`;

/** Starts a due announcement; undefined when another process started it first. */
export async function startAnnouncement(db: Queryable, announcementId: string): Promise<number | undefined> {
  const [kind] = await db.query<{ subject: AnnouncementSubjectKind }>('select subject from announcements where id = $1', [announcementId]);
  const statement =
    kind?.subject === 'card_update' || kind?.subject === 'all_clear' ? FOLLOW_UP
    : kind?.subject === 'training_notice' || kind?.subject === 'onboarding_reminder' ? NOTICE
    : AUDIENCE;
  const [row] = await db.query<{ started: boolean; recipients: number }>(statement, [announcementId]);
  // Thousands of fresh rows: let the planner know before the worker starts claiming
  // (autovacuum would, a minute later; until then every claim may sort the table).
  if (row?.started && row.recipients >= 1_000) await db.query('analyze deliveries');
  return row?.started ? row.recipients : undefined;
}

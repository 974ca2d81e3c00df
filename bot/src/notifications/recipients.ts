import { inGroups } from '../storage/repos/audience-sql.js';
import type { WantsPolicy } from './wants.js';

// Who receives an announcement, as SQL the engine runs in one statement with the status
// change when the send starts (so it happens once, whichever process gets there first).
// Each kind builds its recipients from these shapes: people in groups, named people, any set
// of people its own SQL picks (a session's registrants), or the readers of an earlier card.
// The statement sees the started announcement as `s` (see kind.ts).

/** Each person's newest working personal chat with the bot (`p`: the person). */
const PERSONAL_CHAT = `lateral (
    select c.id, c.tenant_id from conversations c
    where c.person_id = p.id and c.kind = 'personal' and c.status = 'active'
    order by c.updated_at desc limit 1
  ) c on true`;

/**
 * Someone without a chat the app may be installed for (issue 14 §3): PROACTIVE_INSTALL is on
 * for their tenant (`s.install_tenant`), Chorus knows their Entra object id, and they never
 * had a personal chat with the bot — someone who blocked or removed Chorus has said no.
 */
const INSTALLABLE = `(p.tenant_id = s.install_tenant and p.aad_object_id is not null
    and not exists (select 1 from conversations c2 where c2.person_id = p.id and c2.kind = 'personal'))`;

/**
 * Which people: a condition on `p` (people), with `from` the rows it may use. Picking
 * particular people by key (`from` a list, `where` p.id = …) never reads everyone.
 */
export interface Selection {
  from?: string;
  where: string;
}

/**
 * The people `pick` picks who have a working personal chat with the bot and want this kind —
 * never people the directory says have left (issue 14 §1). `install`: also those the app can
 * be installed for when PROACTIVE_INSTALL is on (their conversation is null until then) —
 * for announcements to an audience, not for answers to what someone did in Chorus.
 */
export function reachable(pick: Selection, wants: WantsPolicy, o: { install?: boolean } = {}): string {
  return `select p.id as person_id, c.id as conversation_id, coalesce(c.tenant_id, p.tenant_id) as tenant_id, null::text as activity_id
    from ${pick.from ? `${pick.from}, ` : ''}people p
    ${o.install ? 'left join' : 'join'} ${PERSONAL_CHAT}
    left join preferences pr on pr.person_id = p.id
    where (${pick.where}) and p.left_at is null and ${wants.sql}
      ${o.install ? `and (c.id is not null or ${INSTALLABLE})` : ''}`;
}

/** `p` is in these departments and locations (text[] expressions; empty: everyone): the admin's checks count the same way. */
export { inGroups };

/** The groups the caller gave (audience { departments, locations }). */
export const IN_AUDIENCE: Selection = { where: inGroups('s.departments', 's.locations') };

/** The people the caller named (audience { people }). */
export const NAMED: Selection = { from: 'unnest(s.people) as named(person_id)', where: 'p.id = named.person_id' };

/** The announcement a follow-up is about (payload.sourceAnnouncementId). */
export const SOURCE = `(s.payload->>'sourceAnnouncementId')::uuid`;

/**
 * A follow-up of an earlier announcement (payload.sourceAnnouncementId): the people its
 * cards reached, in the same chat, if it still works. `replacesCards`: each delivery carries
 * the id Teams gave the earlier card, to update it in place. `where` narrows (`d`: the
 * earlier delivery).
 */
export function followUp(o: { replacesCards: boolean; where?: string }): string {
  return `select d.person_id, d.conversation_id, d.tenant_id, ${o.replacesCards ? 'd.activity_id' : 'null::text'} as activity_id
    from deliveries d join conversations c on c.id = d.conversation_id and c.status = 'active'
    join people lp on lp.id = d.person_id and lp.left_at is null
    where d.announcement_id = ${SOURCE} and d.status = 'sent'
      ${o.replacesCards ? 'and d.activity_id is not null' : ''}
      ${o.where ? `and (${o.where})` : ''}`;
}

/**
 * A follow-up waits until no card of its source is on its way: those that arrive belong in
 * it, those that do not must not be (a condition on `a`, for `ready`).
 */
export const SOURCE_SETTLED = `not exists (
    select 1 from deliveries d where d.claimed_at is not null and d.announcement_id = (a.payload->>'sourceAnnouncementId')::uuid)`;

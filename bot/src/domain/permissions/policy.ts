import { GRANTS, PERMISSIONS, type Permission, type Role } from './roles.js';

/** Whoever asks: their id (for rules about their own data) and their roles. */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

/**
 * Rules about one person's data, which no role overrides.
 *
 * - `person.numbers.read`: their shares, clicks and points are visible to that person only.
 * - `person.progress.read`: their onboarding progress and guideline acknowledgements, likewise.
 * - `item.sharers.read`: who shared an item. Nobody, admins included: admins see counts.
 */
export const PRIVATE_ACTIONS = ['person.numbers.read', 'person.progress.read', 'item.sharers.read'] as const;
export type PrivateAction = (typeof PRIVATE_ACTIONS)[number];

export type Action = Permission | PrivateAction;

/** What an action is about; private actions name the person whose data it is. */
export interface Subject {
  personId?: string;
}

const isPermission = (action: Action): action is Permission => (PERMISSIONS as readonly string[]).includes(action);

/** The one answer to "may this person do this?": pure, no I/O. */
export function can(actor: Actor, action: Action, subject: Subject = {}): boolean {
  if (isPermission(action)) return actor.roles.some((role) => GRANTS[role].includes(action));
  switch (action) {
    case 'person.numbers.read':
    case 'person.progress.read':
      return subject.personId !== undefined && subject.personId === actor.id && can(actor, 'app.use');
    case 'item.sharers.read':
      return false;
  }
}

/** Every permission the actor holds, for `GET /api/v1/me` (the tab shows and hides by it). */
export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((permission) => can(actor, permission));
}

/**
 * A person as an actor. Roles come with the sign-in (Entra app roles and groups, mapped in
 * config); without any, the stored role decides (the demo people, Teams-only people).
 */
export function actorOf(person: { id: string; role: 'admin' | 'employee'; roles?: readonly Role[] | undefined }): Actor {
  return { id: person.id, roles: person.roles ?? (person.role === 'admin' ? ['admin', 'employee'] : ['employee']) };
}

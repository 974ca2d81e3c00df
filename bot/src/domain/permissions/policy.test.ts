import { describe, expect, it } from 'vitest';
import { can, permissionsOf, type Actor } from './policy.js';
import { PERMISSIONS, ROLES, type Role } from './roles.js';

const actor = (...roles: Role[]): Actor => ({ id: 'p-1', roles: [...roles, 'employee'] });

describe('can: what each role may do', () => {
  it('lets every signed-in person use the app, and nothing more by default', () => {
    expect(permissionsOf(actor())).toEqual(['app.use']);
  });

  it('gives admins everything', () => {
    expect(permissionsOf(actor('admin'))).toEqual([...PERMISSIONS]);
  });

  it('gives editors content, announcements, trainings, guidelines and onboarding, but not the crisis switch', () => {
    const editor = actor('editor');
    for (const p of ['items.manage', 'announcements.manage', 'trainings.manage', 'guidelines.manage', 'onboarding.manage', 'campaigns.manage'] as const) {
      expect(can(editor, p), p).toBe(true);
    }
    expect(can(editor, 'crisis.manage')).toBe(false);
    expect(can(editor, 'aggregates.read')).toBe(false);
  });

  it('gives analysts aggregates only', () => {
    expect(permissionsOf(actor('analyst'))).toEqual(['app.use', 'aggregates.read', 'analytics.read']);
  });

  it('keeps the points rules with admins', () => {
    expect(can(actor('editor', 'analyst'), 'points.manage')).toBe(false);
    expect(can(actor('admin'), 'points.manage')).toBe(true);
  });

  it('leaves the disclosure to admins: editors run campaigns but cannot remove the legal notice', () => {
    expect(can(actor('editor'), 'campaigns.manage')).toBe(true);
    expect(can(actor('editor', 'analyst'), 'disclosure.manage')).toBe(false);
    expect(can(actor('admin'), 'disclosure.manage')).toBe(true);
  });

  it('leaves thanking someone on the board to admins', () => {
    expect(can(actor('editor', 'analyst', 'employee'), 'thanks.send')).toBe(false);
    expect(can(actor('admin'), 'thanks.send')).toBe(true);
  });

  it('keeps conversion sources and their secrets with admins', () => {
    expect(can(actor('editor', 'analyst', 'employee'), 'conversions.manage')).toBe(false);
    expect(can(actor('admin'), 'conversions.manage')).toBe(true);
  });

  it('adds up the permissions of several roles', () => {
    expect(permissionsOf(actor('editor', 'analyst'))).toEqual(PERMISSIONS.filter((p) => p !== 'crisis.manage' && p !== 'jobs.read' && p !== 'points.manage' && p !== 'thanks.send' && p !== 'disclosure.manage' && p !== 'analytics.manage' && p !== 'conversions.manage' && p !== 'directory.manage'));
  });

  it('grants nothing to someone without a role', () => {
    expect(permissionsOf({ id: 'p-1', roles: [] })).toEqual([]);
  });
});

describe('privacy rules: no role overrides them', () => {
  it("shows an employee's numbers to that employee only", () => {
    for (const role of ROLES) {
      const someone = actor(role);
      expect(can(someone, 'person.numbers.read', { personId: 'p-1' }), role).toBe(true);
      expect(can(someone, 'person.numbers.read', { personId: 'p-2' }), role).toBe(false);
      expect(can(someone, 'person.numbers.read'), role).toBe(false);
    }
  });

  it("shows onboarding progress and acknowledgements to that person only", () => {
    expect(can(actor('admin'), 'person.progress.read', { personId: 'p-2' })).toBe(false);
    expect(can(actor(), 'person.progress.read', { personId: 'p-1' })).toBe(true);
  });

  it('never shows who shared an item, to admins neither', () => {
    for (const role of ROLES) expect(can(actor(role), 'item.sharers.read'), role).toBe(false);
  });
});

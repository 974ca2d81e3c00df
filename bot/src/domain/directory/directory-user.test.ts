import { describe, expect, it } from 'vitest';
import { cleanText, directoryUser } from './directory-user.js';

const ID = '00000000-0000-4000-8000-000000000001';

describe('directoryUser', () => {
  it('keeps what the page carries and leaves out what it does not (a delta page carries only changes)', () => {
    expect(directoryUser({ id: ID, department: 'Sales' })).toEqual({ id: ID, department: 'Sales', left: false });
    expect(directoryUser({ id: ID, department: null, officeLocation: null })).toEqual({ id: ID, department: null, location: null, left: false });
  });

  it('says removed and disabled people left', () => {
    expect(directoryUser({ id: ID, '@removed': { reason: 'deleted' } })).toEqual({ id: ID, left: true });
    expect(directoryUser({ id: ID, accountEnabled: false })).toMatchObject({ left: true });
    expect(directoryUser({ id: ID, accountEnabled: true })).toMatchObject({ left: false });
  });

  it('maps the preferred language to German or English, and reads the hire date', () => {
    expect(directoryUser({ id: ID, preferredLanguage: 'de-AT', employeeHireDate: '2026-11-02T00:00:00Z' })).toMatchObject({ language: 'de', hiredAt: '2026-11-02T00:00:00.000Z' });
    expect(directoryUser({ id: ID, preferredLanguage: 'fr-FR' })).toMatchObject({ language: 'en' });
    // A date Graph cannot have meant is left out, not stored.
    expect(directoryUser({ id: ID, employeeHireDate: 'soon' })).not.toHaveProperty('hiredAt');
    expect(directoryUser({ id: ID, employeeHireDate: null })).toMatchObject({ hiredAt: null });
  });

  it('falls back to the mail address for a name, and refuses entries that cannot be users', () => {
    expect(directoryUser({ id: ID, displayName: '  ', mail: 'a@contoso.example' })).toMatchObject({ displayName: 'a@contoso.example' });
    expect(directoryUser({ displayName: 'No id' })).toBeNull();
    expect(directoryUser({ id: 'not-a-guid' })).toBeNull();
    expect(directoryUser({ id: ID, department: 42 })).toBeNull();
    expect(directoryUser('garbage')).toBeNull();
  });
});

describe('cleanText', () => {
  it('removes control and direction characters, collapses whitespace and cuts to the limit', () => {
    expect(cleanText('Sales\u0000\u0007 and\n\tmore', 100)).toBe('Sales and more');
    expect(cleanText('\u202eHamburg\u200b', 100)).toBe('Hamburg');
    expect(cleanText('x'.repeat(500), 100)).toHaveLength(100);
    expect(cleanText(' \u0000 ', 100)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.js';
import type { Person, PeopleRepo } from '../../storage/repos/people.js';
import { devAuthenticator } from './dev-identity.js';

const jonas: Person = { id: 'p1', displayName: 'Jonas', role: 'employee', language: 'de', department: null, location: null, devKey: 'jonas', joinedAt: null };
const people = { byDevKey: async (key: string) => (key === 'jonas' ? jonas : undefined) } as unknown as PeopleRepo;
const auth = devAuthenticator(people);

async function code(p: Promise<unknown>) {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
}

describe('dev sign-in', () => {
  it('signs in a demo person from this computer', async () => {
    await expect(auth.authenticate({ authorization: 'Bearer dev.jonas', remoteAddress: '127.0.0.1' })).resolves.toBe(jonas);
    await expect(auth.authenticate({ authorization: 'Bearer dev.jonas', remoteAddress: '::ffff:127.0.0.1' })).resolves.toBe(jonas);
  });

  it('refuses callers from any other address, even with a valid key', async () => {
    expect(await code(auth.authenticate({ authorization: 'Bearer dev.jonas', remoteAddress: '10.0.0.5' }))).toBe('forbidden');
    expect(await code(auth.authenticate({ authorization: 'Bearer dev.jonas', remoteAddress: undefined }))).toBe('forbidden');
  });

  it('asks for a person when the key is missing or unknown', async () => {
    expect(await code(auth.authenticate({ authorization: undefined, remoteAddress: '::1' }))).toBe('unauthenticated');
    expect(await code(auth.authenticate({ authorization: 'Bearer dev.nobody', remoteAddress: '::1' }))).toBe('unauthenticated');
    expect(await code(auth.authenticate({ authorization: 'Bearer eyJ.a.b', remoteAddress: '::1' }))).toBe('unauthenticated');
  });
});

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
  const local = { remoteAddress: '127.0.0.1', host: 'localhost:3978', forwarded: false };

  it('signs in a demo person from this computer', async () => {
    await expect(auth.authenticate({ ...local, authorization: 'Bearer dev.jonas' })).resolves.toBe(jonas);
    await expect(auth.authenticate({ ...local, authorization: 'Bearer dev.jonas', remoteAddress: '::ffff:127.0.0.1', host: '127.0.0.1:3978' })).resolves.toBe(jonas);
  });

  it('refuses callers from any other address, even with a valid key', async () => {
    expect(await code(auth.authenticate({ ...local, authorization: 'Bearer dev.jonas', remoteAddress: '10.0.0.5' }))).toBe('forbidden');
    expect(await code(auth.authenticate({ ...local, authorization: 'Bearer dev.jonas', remoteAddress: undefined }))).toBe('forbidden');
  });

  it('refuses requests relayed by a tunnel or proxy, and foreign host names (DNS rebinding)', async () => {
    expect(await code(auth.authenticate({ ...local, authorization: 'Bearer dev.jonas', forwarded: true }))).toBe('forbidden');
    expect(await code(auth.authenticate({ ...local, authorization: 'Bearer dev.jonas', host: 'attacker.example:3978' }))).toBe('forbidden');
    expect(await code(auth.authenticate({ ...local, authorization: 'Bearer dev.jonas', host: undefined }))).toBe('forbidden');
  });

  it('asks for a person when the key is missing or unknown', async () => {
    expect(await code(auth.authenticate({ ...local, authorization: undefined }))).toBe('unauthenticated');
    expect(await code(auth.authenticate({ ...local, authorization: 'Bearer dev.nobody' }))).toBe('unauthenticated');
    expect(await code(auth.authenticate({ ...local, authorization: 'Bearer eyJ.a.b' }))).toBe('unauthenticated');
  });
});

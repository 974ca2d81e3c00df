import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DatabaseUnreachableError, describeFailure, describeTarget, openDatabase } from './open-database.js';

describe('opening the database', () => {
  it('stops with one line that names DATABASE_URL and where it points, never the password', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const config = loadConfig({ DATABASE_URL: 'postgres://chorus:s3cret%21@127.0.0.1:1/chorus' });
    const err = await openDatabase(config).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DatabaseUnreachableError);
    const message = (err as Error).message;
    expect(message).toMatch(/^DATABASE_URL: cannot connect to the database chorus on 127\.0\.0\.1:1 as chorus: .*ECONNREFUSED/);
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/s3cret/);
  });

  it('describes the target without credentials', () => {
    expect(describeTarget('postgres://chorus:pw@chorus-pg.postgres.database.azure.com/chorus?sslmode=verify-full')).toBe(
      'the database chorus on chorus-pg.postgres.database.azure.com:5432 as chorus',
    );
    expect(describeTarget('postgresql://db.internal:6432/')).toBe('the database on db.internal:6432');
    // A user name that is not valid percent-encoding: nothing is guessed.
    expect(describeTarget('postgres://%E0%A4%A@db.internal/chorus')).toBe('the database');
  });

  it('puts the driver reason on one line, also when Node tried several addresses', () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    expect(describeFailure(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')], ''))).toBe(
      'connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432',
    );
    expect(describeFailure(Object.assign(new Error(''), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT');
    expect(describeFailure(new Error('no pg_hba.conf entry for host "10.0.0.4",\n  SSL off'))).toBe('no pg_hba.conf entry for host "10.0.0.4", SSL off');
  });
});

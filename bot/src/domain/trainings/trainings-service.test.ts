import { describe, expect, it } from 'vitest';
import type { Training, TrainingInput } from '../model/trainings.js';
import type { AudienceDirectory } from '../audiences/audience-warnings.js';
import { AppError } from '../errors.js';
import type { RegistrationStatus } from './registration-rules.js';
import type { SessionState } from './session-rules.js';
import type { Reader, TrainingNotice, TrainingNotices, TrainingStore, TrainingsUnitOfWork } from './trainings-ports.js';
import { trainingsService } from './trainings-service.js';
import { sampleSessionInput } from './session-for-test.js';

interface Row {
  state: SessionState;
  input: TrainingInput;
  /** person → status, in queue order (Map keeps insertion order; re-enrolling goes to the end). */
  regs: Map<string, RegistrationStatus>;
}

/** Sessions and the send queue in memory; a transaction that fails leaves both as they were. */
function memory() {
  let rows = new Map<string, Row>();
  let told: Array<{ trainingId: string; notice: TrainingNotice | 'void' | 'stop'; people: string[] }> = [];
  const clone = () => new Map([...rows].map(([id, r]) => [id, { ...r, regs: new Map(r.regs) }]));
  const row = (id: string) => rows.get(id)!;
  const store: TrainingStore = {
    async lock(id, reader) {
      const r = rows.get(id);
      return r && { ...r.state, meant: !reader || r.input.audience.departments.length === 0 || r.input.audience.departments.includes(reader.department ?? '') };
    },
    async seats(id) {
      const regs = [...row(id).regs];
      return { registered: regs.filter(([, s]) => s === 'registered').length, waiting: regs.filter(([, s]) => s === 'waitlisted').map(([p]) => p) };
    },
    registration: async (id, personId) => row(id).regs.get(personId),
    async enrol(id, personId, status) {
      row(id).regs.delete(personId);
      row(id).regs.set(personId, status);
    },
    async leave(id, personId) {
      const status = row(id).regs.get(personId);
      if (status !== 'registered' && status !== 'waitlisted') return false;
      row(id).regs.set(personId, 'cancelled');
      return true;
    },
    async promote(id, people) {
      for (const p of people) row(id).regs.set(p, 'registered');
    },
    concerned: async (id) => [...row(id).regs].filter(([, s]) => s !== 'cancelled').map(([p]) => p),
    async create(input) {
      const id = `t${rows.size + 1}`;
      rows.set(id, { input, regs: new Map(), state: stateOf(input) });
      return id;
    },
    async update(id, input) {
      if (JSON.stringify(row(id).input) === JSON.stringify(input)) return false;
      rows.set(id, { ...row(id), input, state: { ...stateOf(input), status: row(id).state.status } });
      return true;
    },
    async cancel(id) {
      row(id).state = { ...row(id).state, status: 'cancelled' };
    },
    registeredAmong: async (id, people) => people.filter((p) => row(id).regs.get(p) === 'registered'),
    async setAttendance() {},
    get: async (id) => ({ id, status: row(id).state.status }) as Training,
  };
  const notices: TrainingNotices = {
    tell: async (trainingId, notice, people) => void told.push({ trainingId, notice, people: [...people] }),
    voidReminders: async (trainingId) => void told.push({ trainingId, notice: 'void', people: [] }),
    stopAll: async (trainingId) => void told.push({ trainingId, notice: 'stop', people: [] }),
  };
  const sessions: TrainingsUnitOfWork = {
    async transaction(work) {
      const [savedRows, savedTold] = [clone(), [...told]];
      try {
        return await work({ store, notices });
      } catch (err) {
        [rows, told] = [savedRows, savedTold];
        throw err;
      }
    },
  };
  return { sessions, rows: () => rows, told: () => told };
}

const stateOf = (input: TrainingInput): SessionState => ({
  status: 'scheduled',
  startsAt: new Date(input.startsAt),
  endsAt: new Date(input.endsAt),
  capacity: input.capacity,
  meetingUrl: input.meetingUrl ?? null,
  room: input.room ?? null,
});

const NOW = new Date('2026-05-04T10:00:00Z');
const input: TrainingInput = sampleSessionInput({ capacity: 2 });
const person = (id: string, department: string | null = null): Reader => ({ id, department, location: null });

/** A directory where everyone is in Sales, in Hamburg. */
const salesInHamburg: AudienceDirectory = {
  reach: async (departments, locations) =>
    (departments.length === 0 || departments.includes('Sales')) && (locations.length === 0 || locations.includes('Hamburg')) ? 12 : 0,
  unknown: async (departments, locations) => ({ departments: departments.filter((d) => d !== 'Sales'), locations: locations.filter((l) => l !== 'Hamburg') }),
};

async function setup(overrides: Partial<TrainingInput> = {}) {
  const mem = memory();
  let now = NOW;
  const service = trainingsService({ sessions: mem.sessions, audiences: salesInHamburg, urlPolicy: { allowHttpLocalhost: false }, now: () => now });
  const { id } = (await service.create({ ...input, ...overrides }, 'clara')).training;
  const statuses = () => Object.fromEntries(mem.rows().get(id)!.regs);
  return { ...mem, service, id, statuses, setNow: (d: Date) => (now = d) };
}

describe('trainings service', () => {
  it('seats people up to capacity, then waitlists them; asking twice changes nothing', async () => {
    const { service, id, statuses } = await setup();
    expect((await service.register(id, person('ana'))).outcome).toBe('registered');
    expect((await service.register(id, person('ben'))).outcome).toBe('registered');
    expect((await service.register(id, person('cem'))).outcome).toBe('waitlisted');
    expect((await service.register(id, person('cem'))).outcome).toBe('unchanged');
    expect(statuses()).toEqual({ ana: 'registered', ben: 'registered', cem: 'waitlisted' });
  });

  it('gives a freed seat to the first waiting, who is told', async () => {
    const { service, id, statuses, told } = await setup();
    for (const p of ['ana', 'ben', 'cem', 'dan']) await service.register(id, person(p));
    const left = await service.unregister(id, person('ana'));
    expect(left).toMatchObject({ outcome: 'cancelled', promoted: ['cem'] });
    expect(statuses()).toMatchObject({ ana: 'cancelled', cem: 'registered', dan: 'waitlisted' });
    expect(told()).toEqual([{ trainingId: id, notice: 'seat', people: ['cem'] }]);
    expect((await service.unregister(id, person('ana'))).outcome).toBe('unchanged');
  });

  it('gives new seats to the waitlist in order when capacity grows, and refuses one below the registered', async () => {
    const { service, id, told } = await setup();
    for (const p of ['ana', 'ben', 'cem', 'dan', 'eve']) await service.register(id, person(p));
    await expect(service.update(id, { ...input, capacity: 1 }, 'clara')).rejects.toMatchObject({ code: 'invalid' });
    const { promoted } = await service.update(id, { ...input, capacity: 4 }, 'clara');
    expect(promoted).toEqual(['cem', 'dan']);
    expect(told()).toEqual([{ trainingId: id, notice: 'seat', people: ['cem', 'dan'] }]);
  });

  it('tells everyone registered or waiting when the session moves, and voids its reminders', async () => {
    const { service, id, told } = await setup();
    for (const p of ['ana', 'ben', 'cem']) await service.register(id, person(p));
    await service.update(id, { ...input, startsAt: '2026-05-11T09:00:00.000Z', endsAt: '2026-05-11T10:00:00.000Z' }, 'clara');
    expect(told()).toEqual([
      { trainingId: id, notice: 'void', people: [] },
      { trainingId: id, notice: 'changed', people: ['ana', 'ben', 'cem'] },
    ]);
    // a new room is news too, but the reminders still hold; saving the same again tells nobody
    await service.update(id, { ...input, startsAt: '2026-05-11T09:00:00.000Z', endsAt: '2026-05-11T10:00:00.000Z', room: 'Berlin 4.12' }, 'clara');
    await service.update(id, { ...input, startsAt: '2026-05-11T09:00:00.000Z', endsAt: '2026-05-11T10:00:00.000Z', room: 'Berlin 4.12' }, 'clara');
    expect(told().slice(2)).toEqual([{ trainingId: id, notice: 'changed', people: ['ana', 'ben', 'cem'] }]);
  });

  it('cancels once: everything planned stops and everyone in it hears the news', async () => {
    const { service, id, told } = await setup();
    for (const p of ['ana', 'ben', 'cem']) await service.register(id, person(p));
    expect((await service.cancel(id, 'clara')).affected).toEqual(['ana', 'ben', 'cem']);
    expect(told()).toEqual([
      { trainingId: id, notice: 'stop', people: [] },
      { trainingId: id, notice: 'cancelled', people: ['ana', 'ben', 'cem'] },
    ]);
    expect((await service.cancel(id, 'clara')).affected).toEqual([]);
    await expect(service.register(id, person('dan'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.update(id, input, 'clara')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('takes nobody and promotes nobody once the session has begun', async () => {
    const { service, id, setNow, statuses } = await setup();
    for (const p of ['ana', 'ben', 'cem']) await service.register(id, person(p));
    setNow(new Date('2026-05-10T09:00:00Z'));
    await expect(service.register(id, person('dan'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.unregister(id, person('ana'))).rejects.toMatchObject({ code: 'conflict' });
    // materials after the session: a change, but nobody waiting gets a seat any more
    const { promoted } = await service.update(id, { ...input, capacity: 5, materialsUrl: 'https://example.com/slides' }, 'clara');
    expect(promoted).toEqual([]);
    expect(statuses()).toMatchObject({ cem: 'waitlisted' });
  });

  it('hides a session from people it is not meant for, but lets them leave it', async () => {
    const { service, id } = await setup({ audience: { departments: ['Sales'], locations: [] } });
    await expect(service.register(id, person('ana', 'Finance'))).rejects.toMatchObject({ code: 'not_found' });
    expect((await service.register(id, person('ben', 'Sales'))).outcome).toBe('registered');
    expect((await service.unregister(id, person('ben', 'Finance'))).outcome).toBe('cancelled');
  });

  it('records attendance after the start for registered people only, all or nothing', async () => {
    const { service, id, setNow } = await setup();
    await service.register(id, person('ana'));
    const attendance = { attendance: [{ personId: 'ana', attended: true }] };
    await expect(service.setAttendance(id, attendance)).rejects.toMatchObject({ code: 'conflict' });
    setNow(new Date('2026-05-10T09:30:00Z'));
    await expect(service.setAttendance(id, { attendance: [...attendance.attendance, { personId: 'zoe', attended: true }] })).rejects.toBeInstanceOf(AppError);
    await expect(service.setAttendance(id, attendance)).resolves.toBeUndefined();
  });

  it('saves a session whose audience reaches nobody, and says so', async () => {
    const { service, id, rows } = await setup();
    const fields = (saved: { warnings: Array<{ field: string }> }) => saved.warnings.map((w) => w.field);
    expect(fields(await service.update(id, { ...input, audience: { departments: ['Sales'], locations: ['Hamburg'] } }, 'clara'))).toEqual([]);
    const renamed = await service.update(id, { ...input, audience: { departments: ['Sales & Marketing (old)'], locations: [] } }, 'clara');
    expect(fields(renamed)).toEqual(['audience', 'audience.departments']);
    expect(renamed.warnings[1]?.reason).toEqual({ key: 'audience.unknownValues', params: { values: 'Sales & Marketing (old)' } });
    expect(rows().get(id)!.input.audience.departments).toEqual(['Sales & Marketing (old)']);
    const created = await service.create({ ...input, audience: { departments: [], locations: ['Hamburg', 'Bremen'] } }, 'clara');
    expect(fields(created)).toEqual(['audience.locations']);
    expect(rows().has(created.training.id)).toBe(true);
  });

  it('plans sessions in the future with safe links only', async () => {
    const { service } = await setup();
    await expect(service.create({ ...input, startsAt: '2026-05-01T09:00:00.000Z' }, 'clara')).rejects.toMatchObject({ code: 'invalid' });
    await expect(service.create({ ...input, meetingUrl: 'javascript:alert(1)' }, 'clara')).rejects.toMatchObject({ code: 'invalid' });
  });
});

// A valid body per resource (and the bot's activities): what the mutations start from, so
// generated requests get past the schema often enough to reach the code behind it.
import fc from 'fast-check';
import { validItem } from '../http.js';
import type { Json } from './generated-request.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
export const FUTURE = '2031-05-06T09:00:00+02:00';
const FUTURE_END = '2031-05-06T10:30:00+02:00';

export const isoOrJunk = fc.constantFrom(FUTURE, '2020-01-01T00:00:00Z', '2031-05-06T09:00:00', '2031-13-06T09:00:00Z');
export const item = fc
  .record({ title: fc.constantFrom('Our new office in Leipzig', 'Wir stellen ein'), kind: fc.constantFrom('article', 'job', 'event') })
  .map((o) => validItem({ ...o, topics: ['culture'], audience: { departments: ['Engineering'], locations: [] } }));
export const training = fc.record({
  title: fc.constantFrom('Posting on LinkedIn', 'Sicher posten'),
  description: fc.constantFrom('', 'Bring your phone.'),
  startsAt: fc.constant(FUTURE),
  endsAt: fc.constant(FUTURE_END),
  timeZone: fc.constantFrom('Europe/Berlin', 'UTC'),
  where: fc.constantFrom<[string | null, string | null]>(['https://teams.contoso.example/meet/1', null], [null, 'Berlin 3.14'], ['https://teams.contoso.example/meet/1', 'Berlin 3.14']),
  capacity: fc.constantFrom(1, 12, 10_000),
  language: fc.constantFrom('de', 'en'),
  audience: fc.constant({ departments: [], locations: ['Berlin'] }),
  host: fc.constantFrom('Aylin Demir', '[Host](https://evil.example)'),
  materialsUrl: fc.constantFrom<string | null>(null, 'https://intranet.contoso.example/slides'),
}).map(({ where: [meetingUrl, room], ...t }) => ({ ...t, meetingUrl, room }));
/** A language is written with both its title and its text. */
export const guidelineContent = fc
  .record({
    page: fc.constantFrom(
      { title: { en: 'Posting about work' }, body: { en: 'Be **kind**.' } },
      { title: { de: 'Über die Arbeit posten', en: 'Posting about work' }, body: { de: 'Freundlich sein.', en: 'Be kind.' } },
    ),
    changeNote: fc.constantFrom({ en: 'Clearer' }, { de: '', en: '' }),
  })
  .map(({ page, changeNote }) => ({ ...page, changeNote }));
export const step = fc.record({
  kind: fc.constantFrom('manual', 'guidelines', 'training', 'first_share'),
  title: fc.constantFrom({ en: 'Read the guidelines' }, { de: 'Leitfaden lesen', en: 'Read the guidelines' }),
  body: fc.constant({ en: 'Takes **five** minutes.' }),
  linkUrl: fc.constantFrom<string | null>('https://intranet.contoso.example/start', null, 'http://localhost/tab/'),
  position: fc.constantFrom(0, 5, 1000),
});
export const crisisOn = fc.record({
  reason: fc.constantFrom('Drill', 'Press inquiry'),
  instructions: fc.constantFrom({ en: 'Please do not post about the incident.' }, { de: 'Bitte nichts posten.', en: 'Please do not post.' }),
  statementUrl: fc.constantFrom('https://www.contoso.example/statement', 'https://www.contoso.example/oświadczenie', 'https://www.contoso.example/a\r\nX-Injected: 1', 'http://localhost/statement'),
  spokesperson: fc.constantFrom('Clara Schmidt', 'Łukasz Żółć'),
  notifyEveryone: fc.boolean(),
  redirectLinks: fc.boolean(),
});
const VERB_NAMES = ['settings.open', 'settings.save', 'item.notForMe', 'item.refresh', 'training.register', 'training.unregister', 'training.refresh', 'nope'];
const activityCommon = {
  id: 'act-1',
  timestamp: '2026-01-05T09:00:00.000Z',
  serviceUrl: '@@connector@@',
  channelId: 'msteams',
  from: { id: '29:fuzz', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000f1', name: 'Fuzz' },
  conversation: { id: 'a:personal-fuzz', conversationType: 'personal', tenantId: TENANT },
  recipient: { id: '28:chorus-bot', name: 'Chorus' },
  channelData: { tenant: { id: TENANT } },
  locale: 'en-US',
};
export const ACTIVITIES: Array<fc.Arbitrary<Json>> = [
  fc.constantFrom('hi', 'help', 'latest', 'settings', 'hallo', 'trainings', '').map((text) => ({ ...activityCommon, type: 'message', text })),
  fc.constantFrom(...VERB_NAMES).map((verb) => ({ ...activityCommon, type: 'message', value: { verb, itemId: '@@real.item.0@@', trainingId: '@@real.training.0@@' } })),
  fc.constantFrom(...VERB_NAMES).map((verb) => ({
    ...activityCommon,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { itemId: '@@real.item.1@@', trainingId: '@@real.training.1@@', level: 'digest' } } },
  })),
  fc.constantFrom('add', 'remove', 'add-upgrade').map((action) => ({ ...activityCommon, type: 'installationUpdate', action })),
  fc.constant({
    ...activityCommon,
    type: 'conversationUpdate',
    membersAdded: [{ id: '29:new', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000f2', name: 'New' }],
    conversation: { id: '19:team;messageid=1', conversationType: 'channel', tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team' } },
  }),
  fc.constantFrom('messageReaction', 'typing', 'event', 'endOfConversation', 'x').map((type) => ({ ...activityCommon, type })),
  fc.constantFrom<Json>({}, { type: 'message' }, { type: 'message', serviceUrl: '@@connector@@' }),
];
export const activity = fc.oneof(...ACTIVITIES);

/** A campaign (issue 12): a topic the demo has, or the first real item; a window ahead or back to front. */
export const campaign = fc.record({
  name: fc.constantFrom('Spring hiring', 'Frühjahr <b>2031</b>', ''),
  startsAt: isoOrJunk,
  endsAt: fc.constantFrom(FUTURE_END, '2020-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '2031-02-30T09:00:00Z'),
  topic: fc.constantFrom('careers', 'no-such-topic', null),
  goal: fc.record({ metric: fc.constantFrom('shares', 'clicks', 'readers', 'likes'), target: fc.constantFrom(1, 50, 0, -1, 1.5) }),
  prize: fc.constantFrom(null, 'Breakfast with the board', 'p'.repeat(201)),
});

export const disclosure = fc.record({ text: fc.constantFrom('#WorkingAtContoso', '', '#A\n#B', '#'.repeat(101)), removable: fc.boolean() });

// Screenshots for the README, taken from the real app with the demo company:
//   npm run build:tab && npx tsx scripts/screenshots.mjs
// Writes docs/screenshots/{share-light,share-dark,share-page-phone,announcements-light,
// announcements-dark,crisis-light,crisis-dark,trainings-*,guidelines-*,onboarding-*,impact-*,
// leaderboard-*,campaigns-*,settings-*,analytics-*,directory-*}.png. Runs the server in-process on a free loopback port with a fresh
// in-memory database and a fake Bot Connector; no network needed.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/support/browser.ts';
import { FakeBotConnector } from '../tests/support/fake-bot-connector.ts';
import { FakeGraph } from '../tests/support/fake-graph.ts';
import { addReachablePeople } from '../tests/support/reachable.ts';
import { startTestServer } from '../tests/support/test-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'screenshots');

if (!existsSync(path.join(root, 'dist', 'tab', 'index.html'))) {
  console.error('dist/tab is missing: run `npm run build:tab` first.');
  process.exit(1);
}

// A slow tenant limit keeps an announcement "sending" long enough to be photographed.
const connector = await new FakeBotConnector({ globalRps: 4 }).start();
const server = await startTestServer({ TEAMS_RATE_LIMIT_RPS: '4' }, { demo: true });
const browser = await launchBrowser();

/** A context that cannot leave loopback, signed in as `person` with a theme and language. */
async function context({ viewport, deviceScaleFactor = 1, person, theme, language }) {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  await ctx.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  await ctx.addInitScript(
    ([p, t, l]) => {
      localStorage.setItem('chorus.person', p);
      localStorage.setItem('chorus.theme', t);
      localStorage.setItem('chorus.language', l);
    },
    [person, theme, language],
  );
  return ctx;
}

const json = (res) => {
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status}`);
  return res.json();
};

/** The share page address of `person` for the first feed item matching `q`. */
async function shareLink(person, q) {
  const feed = await fetch(`${server.url}/api/v1/items?q=${encodeURIComponent(q)}`, { headers: server.as(person) }).then(json);
  const item = feed.items[0];
  if (!item) throw new Error(`no demo item matches ${q}`);
  const link = await fetch(`${server.url}/api/v1/items/${item.id}/share-link`, {
    method: 'POST',
    headers: { ...server.as(person), 'content-type': 'application/json' },
    body: '{}',
  }).then(json);
  return link.url;
}

/** Aylin shares the video on LinkedIn the way the share page does, and three readers click. */
async function aylinSharesTheVideo() {
  const page = await shareLink('aylin', '60 seconds');
  const result = await fetch(page, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ network: 'linkedin', text: 'One minute, no slides: this is what my team built this year.' }),
  }).then(json);
  for (let i = 0; i < 3; i++) await fetch(result.link, { redirect: 'manual' });
  // Clicks are stored in batches a moment later.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function feedShot(theme, file) {
  const ctx = await context({ viewport: { width: 1000, height: 800 }, person: 'aylin', theme, language: 'en' });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/tab/?page=share`);
  await page.getByRole('main').getByRole('article').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, file) });
  await ctx.close();
  console.log(`wrote docs/screenshots/${file}`);
}

async function sharePageShot(file) {
  const url = await shareLink('jonas', 'Werkstudent');
  const ctx = await context({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, person: 'jonas', theme: 'light', language: 'de' });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByRole('tab', { name: 'X', exact: true }).click();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(outDir, file) });
  await ctx.close();
  console.log(`wrote docs/screenshots/${file}`);
}

const clara = { authorization: 'Bearer dev.clara', 'content-type': 'application/json' };

/** 240 colleagues with Chorus installed (3 blocked it); two items announced, one for tomorrow. */
async function announceTwoItems() {
  await addReachablePeople(server.db, 237, { serviceUrl: connector.url, prefix: 'colleague' });
  await addReachablePeople(server.db, 3, { serviceUrl: connector.url, prefix: 'blocked', conversationStatus: 'blocked' });
  const items = await fetch(`${server.url}/api/v1/admin/items?status=published`, { headers: clara }).then(json);
  const forEveryone = items.items.filter((i) => i.audience.departments.length === 0 && i.audience.locations.length === 0);
  const [first, second] = forEveryone;
  const announce = (id, body) => fetch(`${server.url}/api/v1/admin/items/${id}/announce`, { method: 'POST', headers: clara, body: JSON.stringify(body) }).then(json);
  await announce(second.id, { at: new Date(Date.now() + 86_400_000).toISOString() });
  await announce(first.id, {});
  await new Promise((resolve) => setTimeout(resolve, 12_000));
}

async function announcementsShot(theme, file) {
  const ctx = await context({ viewport: { width: 1000, height: 800 }, person: 'clara', theme, language: 'en' });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/tab/?page=announcements`);
  await page.getByRole('progressbar').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, file) });
  await ctx.close();
  console.log(`wrote docs/screenshots/${file}`);
}

/** Crisis mode on, as an employee sees it: banner, instructions, statement, spokesperson. */
async function crisisShots() {
  const on = await fetch(`${server.url}/api/v1/admin/crisis`, {
    method: 'POST',
    headers: clara,
    body: JSON.stringify({
      reason: 'Media reports about the data centre outage',
      instructions: {
        en: 'Please **do not** comment on the outage in public, and do not share posts about it.\n\n- Questions from journalists or customers: refer them to the press office.\n- Colleagues may share the official statement.',
        de: 'Bitte äußern Sie sich **nicht** öffentlich zum Ausfall und teilen Sie keine Beiträge dazu.\n\n- Fragen von Presse oder Kundschaft: an die Pressestelle verweisen.\n- Die offizielle Stellungnahme dürfen Sie teilen.',
      },
      statementUrl: 'https://www.contoso.example/press/statement',
      spokesperson: 'Petra Press, press@contoso.example',
    }),
  });
  if (!on.ok) throw new Error(`switching crisis mode on: HTTP ${on.status}`);
  for (const theme of ['light', 'dark']) {
    const ctx = await context({ viewport: { width: 1000, height: 800 }, person: 'aylin', theme, language: 'en' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/tab/?page=crisis`);
    await page.getByTestId('crisis-instructions').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outDir, `crisis-${theme}.png`) });
    await ctx.close();
    console.log(`wrote docs/screenshots/crisis-${theme}.png`);
  }
  await fetch(`${server.url}/api/v1/admin/crisis/off`, { method: 'POST', headers: clara, body: '{}' });
}

/** A tab page as `person` sees it, once its data has loaded. */
async function pageShot({ name, person, theme, language = 'en', file, width = 1000, height = 900 }) {
  const ctx = await context({ viewport: { width, height }, person, theme, language });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/tab/?page=${name}`);
  await page.getByRole('main').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(outDir, file) });
  await ctx.close();
  console.log(`wrote docs/screenshots/${file}`);
}

/** `npx tsx scripts/screenshots.mjs impact crisis`: only those groups; none named: all. */
const only = process.argv.slice(2);
const wants = (group) => only.length === 0 || only.includes(group);

async function impactShots() {
  for (const theme of ['light', 'dark']) {
    const ctx = await context({ viewport: { width: 1000, height: 1300 }, person: 'jonas', theme, language: 'en' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/tab/?page=impact`);
    await page.getByTestId('impact-chart').locator('svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, `impact-${theme}.png`) });
    await ctx.close();
    console.log(`wrote docs/screenshots/impact-${theme}.png`);
  }
  const ctx = await context({ viewport: { width: 320, height: 900 }, deviceScaleFactor: 1, person: 'jonas', theme: 'contrast', language: 'de' });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/tab/?page=impact`);
  await page.getByTestId('impact-chart').locator('svg').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.getByTestId('impact-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(outDir, 'impact-narrow-high-contrast.png'), fullPage: true });
  await ctx.close();
  console.log('wrote docs/screenshots/impact-narrow-high-contrast.png');
}

/** A JSON call to the API as a demo person. */
const call = (person, method, route, body) =>
  fetch(`${server.url}${route}`, { method, headers: { ...server.as(person), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(json);

/**
 * The board with three people on it (two under pseudonyms), a thank-you shown, and a running
 * campaign with a prize: all through the API, as people would do it in the tab.
 */
async function recognitionShots() {
  const hour = 3_600_000;
  const careers = await call('clara', 'POST', '/api/v1/admin/campaigns', {
    name: 'Hiring month', description: 'Help us fill our open roles.', startsAt: new Date(Date.now() - hour).toISOString(),
    endsAt: new Date(Date.now() + 20 * 24 * hour).toISOString(), topic: 'careers', goal: { metric: 'shares', target: 25 }, prize: 'Breakfast with the board',
  });
  await call('aylin', 'PUT', '/api/v1/me/settings', { leaderboard: { optIn: true, pseudonym: 'Night Owl' } });
  await call('mia', 'PUT', '/api/v1/me/settings', { leaderboard: { optIn: true, pseudonym: 'Blue Fox' } });
  for (const [person, q, network] of [['mia', 'Werkstudent', 'linkedin'], ['aylin', 'Backend Engineer', 'xing'], ['mia', 'accessibility', 'x']]) {
    const page = await shareLink(person, q);
    await fetch(page, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ network, text: 'Worth a look.' }) }).then(json);
  }
  // Points come from events, a moment later.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const board = await call('clara', 'GET', '/api/v1/leaderboard?period=week');
  const owl = board.top.find((e) => e.name === 'Night Owl');
  if (owl) {
    await call('clara', 'POST', '/api/v1/admin/thanks', { boardId: owl.boardId, message: 'Your post about our engineering roles brought three applications. Thank you!' });
    const mine = await call('aylin', 'GET', '/api/v1/me/thanks');
    if (mine.items[0]) await call('aylin', 'PUT', `/api/v1/me/thanks/${mine.items[0].id}`, { shown: true });
  }
  for (const theme of ['light', 'dark']) {
    await pageShot({ name: 'leaderboard', person: 'aylin', theme, file: `leaderboard-${theme}.png`, height: 1400 });
    await pageShot({ name: 'campaigns', person: 'clara', theme, file: `campaigns-${theme}.png`, height: 1100 });
    await pageShot({ name: 'settings', person: 'aylin', theme, file: `settings-${theme}.png`, height: 800 });
  }
  console.log(`campaign ${careers.id} photographed`);
}

/** The content team's dashboard: light and dark (English), and German high contrast at 320 px. */
async function analyticsShots() {
  const shot = async ({ theme, language, width, height, file, fullPage = false }) => {
    const ctx = await context({ viewport: { width, height }, deviceScaleFactor: width < 400 ? 1 : undefined, person: 'clara', theme, language });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/tab/?page=analytics`);
    await page.getByTestId('analytics-chart').locator('svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, file), fullPage });
    await ctx.close();
    console.log(`wrote docs/screenshots/${file}`);
  };
  await shot({ theme: 'light', language: 'en', width: 1100, height: 1500, file: 'analytics-light.png' });
  await shot({ theme: 'dark', language: 'en', width: 1100, height: 1500, file: 'analytics-dark.png' });
  await shot({ theme: 'contrast', language: 'de', width: 320, height: 900, file: 'analytics-narrow-high-contrast.png', fullPage: true });
  // The monthly report of this month, as it prints (the tab's header and navigation left out).
  const ctx = await context({ viewport: { width: 900, height: 1400 }, person: 'clara', theme: 'light', language: 'en' });
  const page = await ctx.newPage();
  const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date()).slice(0, 7);
  await page.goto(`${server.url}/tab/#/admin/analytics/report/${month}`);
  await page.getByRole('table', { name: 'Top 10 by topic' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'analytics-report-print.png'), fullPage: true });
  await ctx.close();
  console.log('wrote docs/screenshots/analytics-report-print.png');
}

/**
 * The Directory page after two rounds against a fake Graph on loopback: a full one that
 * brought in 48 colleagues, then the changes since (two joined, one moved, one left). Its
 * own server: the directory needs an app id, which the other pages' server has not.
 */
async function directoryShots() {
  const graph = await new FakeGraph().start();
  const colleague = (n, fields = {}) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    displayName: `Colleague ${n}`,
    department: ['Sales', 'Engineering', 'People & Culture', 'Marketing'][n % 4],
    officeLocation: n % 3 === 0 ? 'Munich' : 'Berlin',
    preferredLanguage: n % 2 === 0 ? 'de-DE' : 'en-US',
    accountEnabled: true,
    ...fields,
  });
  for (let n = 1; n <= 48; n++) graph.put(colleague(n));
  const directoryServer = await startTestServer(
    {
      WORKER: 'false',
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'app-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
      GRAPH_BASE_URL: graph.graphUrl,
      ENTRA_AUTHORITY_HOST: graph.url,
      DIRECTORY_SYNC_MINUTES: '30',
    },
    { demo: true },
  );
  const status = () => fetch(`${directoryServer.url}/api/v1/admin/directory`, { headers: directoryServer.as('clara') }).then(json);
  const round = async () => {
    const before = (await status()).lastStartedAt;
    await fetch(`${directoryServer.url}/api/v1/admin/directory/sync`, { method: 'POST', headers: { ...directoryServer.as('clara'), 'content-type': 'application/json' }, body: '{}' }).then(json);
    for (;;) {
      const s = await status();
      if (!s.running && s.lastStartedAt !== before) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  try {
    await round();
    graph.put(colleague(49));
    graph.put(colleague(50));
    graph.put(colleague(7, { department: 'Sales' }));
    graph.remove(colleague(12).id);
    await round();
    for (const theme of ['light', 'dark']) {
      const ctx = await context({ viewport: { width: 1000, height: 1000 }, person: 'clara', theme, language: 'en' });
      const page = await ctx.newPage();
      await page.goto(`${directoryServer.url}/tab/?page=directory`);
      await page.getByRole('heading', { level: 2, name: 'Changes in the last round' }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(outDir, `directory-${theme}.png`) });
      await ctx.close();
      console.log(`wrote docs/screenshots/directory-${theme}.png`);
    }
  } finally {
    await directoryServer.close();
    await graph.stop();
  }
}

try {
  await mkdir(outDir, { recursive: true });
  if (wants('announcements')) {
    await announceTwoItems();
    await announcementsShot('light', 'announcements-light.png');
    await announcementsShot('dark', 'announcements-dark.png');
  }
  if (wants('share')) {
    await aylinSharesTheVideo();
    await feedShot('light', 'share-light.png');
    await feedShot('dark', 'share-dark.png');
    await sharePageShot('share-page-phone.png');
  }
  if (wants('crisis')) await crisisShots();
  if (wants('pages')) {
    for (const theme of ['light', 'dark']) {
      await pageShot({ name: 'trainings', person: 'aylin', theme, file: `trainings-${theme}.png` });
      await pageShot({ name: 'guidelines', person: 'jonas', theme, language: 'de', file: `guidelines-${theme}.png` });
      await pageShot({ name: 'onboarding', person: 'mia', theme, file: `onboarding-${theme}.png` });
    }
  }
  if (wants('impact')) await impactShots();
  if (wants('recognition')) await recognitionShots();
  if (wants('analytics')) await analyticsShots();
  if (wants('directory')) await directoryShots();
} finally {
  await browser.close();
  await server.close();
  await connector.stop();
}

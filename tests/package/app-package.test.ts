// The Teams app package: placeholders filled per environment, schema-valid offline,
// the right files at the zip root, icons of the sizes and colours Teams demands.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PackageError,
  ROOT_DIR,
  buildAppPackage,
  validateLocalization,
  validateManifestFile,
  type BuildResult,
} from '../../scripts/lib/app-package.mjs';
import { decodePng, readPngHeader } from '../../scripts/lib/png.mjs';

let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'chorus-app-package-'));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe.each(['dev', 'local'])('app package for env %s', (envName) => {
  let result: BuildResult;
  let zip: JSZip;

  beforeAll(async () => {
    result = await buildAppPackage({ envName, outDir });
    zip = await JSZip.loadAsync(await readFile(result.zipPath));
  });

  it('writes the zip and the filled manifest into the output dir', () => {
    expect(result.zipPath).toBe(path.join(outDir, `appPackage.${envName}.zip`));
    expect(result.manifestPath).toBe(path.join(outDir, `manifest.${envName}.json`));
  });

  it('has exactly the expected files at the zip root', () => {
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    expect(names).toEqual(['color.png', 'de.json', 'manifest.json', 'outline.png']);
  });

  it('fills every placeholder and passes schema validation offline', async () => {
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toMatch(/\$\{\{/);
    expect(await zip.file('de.json')!.async('string')).not.toMatch(/\$\{\{/);
    expect(await validateManifestFile(result.manifestPath)).toEqual([]);
    expect(await validateLocalization(JSON.parse(await zip.file('de.json')!.async('string')))).toEqual([]);
    expect(JSON.parse(text)).toEqual(result.manifest);
  });

  it('declares the Share tab, the bot, SSO and the valid domain', async () => {
    const env = await readFile(path.join(ROOT_DIR, 'env', `.env.${envName}`), 'utf8');
    const value = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(env)?.[1];
    const m = result.manifest;

    expect(m.manifestVersion).toBe('1.30');
    // Read receipts of the bot's personal chats, for the analytics funnel (counted as totals only).
    expect(m.authorization?.permissions?.resourceSpecific).toEqual([{ name: 'ChatMessageReadReceipt.Read.Chat', type: 'Application' }]);
    expect(m.id).toBe(value('TEAMS_APP_ID'));
    expect(m.name.short).toMatch(/^Chorus/);
    const share = m.staticTabs?.find((t) => t.entityId === 'share');
    expect(share).toMatchObject({
      name: 'Share',
      contentUrl: `${value('TAB_ENDPOINT')}/tab/?page=share&inTeams=1`,
      websiteUrl: `${value('TAB_ENDPOINT')}/tab/?page=share`,
      scopes: ['personal'],
    });
    expect(m.staticTabs?.find((t) => t.entityId === 'guidelines')).toMatchObject({
      name: 'Guidelines',
      contentUrl: `${value('TAB_ENDPOINT')}/tab/?page=guidelines&inTeams=1`,
      websiteUrl: `${value('TAB_ENDPOINT')}/tab/?page=guidelines`,
      scopes: ['personal'],
    });
    expect(m.staticTabs?.find((t) => t.entityId === 'trainings')).toMatchObject({
      name: 'Trainings',
      contentUrl: `${value('TAB_ENDPOINT')}/tab/?page=trainings&inTeams=1`,
      websiteUrl: `${value('TAB_ENDPOINT')}/tab/?page=trainings`,
      scopes: ['personal'],
    });
    expect(m.staticTabs?.find((t) => t.entityId === 'onboarding')).toMatchObject({
      name: 'Onboarding',
      contentUrl: `${value('TAB_ENDPOINT')}/tab/?page=onboarding&inTeams=1`,
      websiteUrl: `${value('TAB_ENDPOINT')}/tab/?page=onboarding`,
      scopes: ['personal'],
    });
    // Trainings right after Guidelines, then Onboarding: the German names in de.json go by this order.
    expect(m.staticTabs?.map((t) => t.entityId).slice(0, 4)).toEqual(['share', 'guidelines', 'trainings', 'onboarding']);
    const de = JSON.parse(await zip.file('de.json')!.async('string')) as Record<string, string>;
    expect([0, 1, 2, 3].map((i) => de[`staticTabs[${i}].name`])).toEqual(['Teilen', 'Richtlinien', 'Schulungen', 'Onboarding']);

    expect(m.bots).toHaveLength(1);
    const bot = m.bots![0]!;
    expect(bot.botId).toBe(value('BOT_ID'));
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    // The commands the bot answers (tests/integration/bot-conversations.test.ts).
    const personal = bot.commandLists?.find((l) => l.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title)).toEqual(['help', 'latest', 'settings', 'stop', 'start']);

    expect(m.webApplicationInfo).toEqual({
      id: value('AAD_APP_CLIENT_ID'),
      resource: `api://${value('TAB_DOMAIN')}/${value('AAD_APP_CLIENT_ID')}`,
    });
    expect(m.validDomains).toEqual([value('TAB_DOMAIN')]);
  });

  it('ships a 192x192 colour icon and a 32x32 white-on-transparent outline icon', async () => {
    const color = await zip.file('color.png')!.async('uint8array');
    const outline = await zip.file('outline.png')!.async('uint8array');
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32 });

    const { rgba } = decodePng(outline);
    const offenders: string[] = [];
    let opaque = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b, a] = [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]];
      if (a === 255) opaque++;
      if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) offenders.push(`#${i / 4}: ${r},${g},${b},${a}`);
    }
    expect(offenders).toEqual([]);
    expect(opaque).toBeGreaterThan(100); // there is a glyph, not an empty image
  });
});

describe('packaging errors', () => {
  it('fails naming the placeholder that has no value', async () => {
    const env = await readFile(path.join(ROOT_DIR, 'env', '.env.dev'), 'utf8');
    const envFile = path.join(outDir, '.env.nobot');
    await writeFile(envFile, env.replace(/^BOT_ID=.*$/m, '').replace(/^AAD_APP_CLIENT_ID=.*$/m, 'AAD_APP_CLIENT_ID='));

    const build = buildAppPackage({ envName: 'nobot', envFile, outDir });
    await expect(build).rejects.toBeInstanceOf(PackageError);
    await expect(build).rejects.toThrow(/BOT_ID/);
    const err = (await build.catch((e: unknown) => e)) as PackageError;
    expect(err.problems.map((p) => p.split(':')[0]).sort()).toEqual(['AAD_APP_CLIENT_ID', 'BOT_ID']);
  });

  it('fails with the schema errors when a value makes the manifest invalid', async () => {
    const build = buildAppPackage({ envName: 'dev', outDir, overrides: { BOT_ID: 'not-a-guid' } });
    await expect(build).rejects.toThrow(/\/bots\/0\/botId/);
  });
});

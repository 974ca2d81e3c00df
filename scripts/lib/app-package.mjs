// Builds the Teams app package: fills ${{NAME}} placeholders from env/.env.<env>,
// validates the result offline with @microsoft/app-manifest and zips it with jszip.
// Used by scripts/package-app.mjs (npm run package) and by tests/package.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import appManifest from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { readPngHeader } from './png.mjs';

const { AppManifestUtils } = appManifest; // CommonJS package: take the named export off the default

export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Placeholders whose empty value is meaningful (production has no name suffix). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
const ICON_SIZES = { color: 192, outline: 32 };
// A fixed timestamp keeps the zip byte-identical for identical inputs.
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

/** Thrown for problems the user must fix; `problems` lists each one. */
export class PackageError extends Error {
  /** @param {string} message @param {string[]} [problems] */
  constructor(message, problems = []) {
    super(problems.length ? `${message}\n  - ${problems.join('\n  - ')}` : message);
    this.name = 'PackageError';
    this.problems = problems;
  }
}

/**
 * Parse a dotenv-style file: KEY=VALUE, optional `export `, single or double
 * quotes (so a value may start with a space), `#` comments.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseEnvFile(text) {
  /** @type {Record<string, string>} */
  const vars = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[1] === '"' ? quoted[2].replace(/\\n/g, '\n') : quoted[2];
    else value = value.replace(/\s+#.*$/, '').trim();
    vars[m[1]] = value;
  }
  return vars;
}

/** @param {string} text @returns {string[]} placeholder names in order of first use */
export function findPlaceholders(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Replace every ${{NAME}}; values are JSON-escaped because they land inside JSON strings.
 * @param {string} text @param {Record<string, string | undefined>} vars
 * @returns {{ text: string, missing: string[] }}
 */
export function fillPlaceholders(text, vars) {
  const missing = findPlaceholders(text).filter((name) => {
    const value = vars[name];
    return value === undefined || (value === '' && !MAY_BE_EMPTY.has(name));
  });
  const filled = text.replace(PLACEHOLDER, (whole, name) =>
    vars[name] === undefined ? whole : JSON.stringify(String(vars[name])).slice(1, -1),
  );
  return { text: filled, missing };
}

/**
 * Schema-validate a filled manifest file with @microsoft/app-manifest. Only schemas
 * bundled with the package are accepted, so validation never needs the network.
 * @param {string} manifestPath
 * @returns {Promise<string[]>} errors; empty when valid
 */
export async function validateManifestFile(manifestPath) {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const schemaError = checkBundledSchema(manifest.$schema);
  if (schemaError) return [schemaError];
  try {
    const [, errors] = await AppManifestUtils.readAndValidateTeamsManifest(manifestPath);
    return errors;
  } catch (err) {
    // The typed converter throws on values of the wrong type before schema validation runs.
    return [`manifest could not be read: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/**
 * Validate a localization file (e.g. de.json) against its bundled schema.
 * @param {Record<string, unknown>} localization
 * @returns {Promise<string[]>}
 */
export async function validateLocalization(localization) {
  const schemaUrl = /** @type {string | undefined} */ (localization.$schema);
  const schemaError = checkBundledSchema(schemaUrl);
  if (schemaError) return [schemaError];
  const schema = JSON.parse(await readFile(/** @type {string} */ (bundledSchemaPath(schemaUrl)), 'utf8'));
  try {
    return await AppManifestUtils.validateAgainstSchema(/** @type {any} */ (localization), fixPatterns(schema));
  } catch (err) {
    return [`localization schema could not be compiled: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/**
 * The bundled Localization schemas (1.2x/1.30) contain patterns such as `\\b]\\.description`
 * that are invalid under the Unicode regex flag ajv compiles with: escape the lone `]`,
 * and drop any pattern that still does not compile (they concern features Chorus
 * does not localize, which the schema then rejects as additional properties).
 * @param {any} node
 * @returns {any}
 */
function fixPatterns(node) {
  if (Array.isArray(node)) return node.map(fixPatterns);
  if (!node || typeof node !== 'object') return node;
  /** @type {Record<string, any>} */
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties') {
      out[key] = {};
      for (const [pattern, sub] of Object.entries(value)) {
        const fixed = pattern.replace(/\\b\]/g, '\\b\\]');
        if (compiles(fixed)) out[key][fixed] = fixPatterns(sub);
      }
    } else {
      out[key] = fixPatterns(value);
    }
  }
  return out;
}

/** @param {string} pattern */
function compiles(pattern) {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** @param {string | undefined} schemaUrl @returns {string | undefined} the bundled schema file */
function bundledSchemaPath(schemaUrl) {
  const m = /\/json-schemas\/(teams\/v[\d.]+\/[\w.]+\.json)$/.exec(schemaUrl ?? '');
  if (!m) return undefined;
  const pkgDir = path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(pkgDir, 'build', 'json-schemas', m[1]);
  return existsSync(file) ? file : undefined;
}

/** @param {string | undefined} schemaUrl @returns {string | undefined} an error, if any */
function checkBundledSchema(schemaUrl) {
  if (bundledSchemaPath(schemaUrl)) return undefined;
  return `$schema ${schemaUrl ?? '(missing)'} is not bundled with @microsoft/app-manifest; offline validation needs a bundled version`;
}

/**
 * @typedef {object} BuildOptions
 * @property {string} [envName] environment name; reads env/.env.<envName> (default "dev")
 * @property {string} [outDir] where the zip and filled manifest go (default appPackage/build)
 * @property {string} [envFile] explicit env file, instead of env/.env.<envName>
 * @property {string} [appPackageDir] folder with manifest.json and icons (default appPackage)
 * @property {Record<string, string | undefined>} [overrides] values that win over the env file (the CLI passes process.env)
 *
 * @typedef {object} BuildResult
 * @property {string} zipPath
 * @property {string} manifestPath the filled manifest written next to the zip
 * @property {Record<string, any>} manifest the filled manifest
 * @property {string[]} files names at the zip root
 */

/**
 * Build appPackage.<env>.zip and manifest.<env>.json. Throws PackageError listing every
 * missing placeholder, schema error or icon problem.
 * @param {BuildOptions} [options]
 * @returns {Promise<BuildResult>}
 */
export async function buildAppPackage(options = {}) {
  const envName = options.envName ?? 'dev';
  if (!/^[\w-]+$/.test(envName)) throw new PackageError(`invalid environment name "${envName}"`);
  const appPackageDir = options.appPackageDir ?? path.join(ROOT_DIR, 'appPackage');
  const outDir = options.outDir ?? path.join(appPackageDir, 'build');
  const envFile = options.envFile ?? path.join(ROOT_DIR, 'env', `.env.${envName}`);

  if (!existsSync(envFile)) throw new PackageError(`environment file not found: ${envFile}`);
  const vars = { ...parseEnvFile(await readFile(envFile, 'utf8')) };
  for (const [key, value] of Object.entries(options.overrides ?? {})) if (value !== undefined) vars[key] = value;

  // Fill the manifest and every localization file it names, collecting all gaps at once.
  const manifestText = await readFile(path.join(appPackageDir, 'manifest.json'), 'utf8');
  const manifestFill = fillPlaceholders(manifestText, vars);
  const manifest = JSON.parse(manifestFill.text);
  const languageFiles = [
    manifest.localizationInfo?.defaultLanguageFile,
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((/** @type {any} */ l) => l.file),
  ].filter(Boolean);
  /** @type {Map<string, string>} */
  const filledLanguageFiles = new Map();
  const missing = new Set(manifestFill.missing);
  for (const file of languageFiles) {
    const filled = fillPlaceholders(await readFile(path.join(appPackageDir, file), 'utf8'), vars);
    filled.missing.forEach((name) => missing.add(name));
    filledLanguageFiles.set(file, filled.text);
  }
  if (missing.size) {
    throw new PackageError(
      `no value for ${[...missing].join(', ')} in ${path.relative(process.cwd(), envFile) || envFile}`,
      [...missing].map((name) => `${name}: set ${name}=... in the env file or the environment`),
    );
  }

  await mkdir(outDir, { recursive: true });
  const manifestPath = path.join(outDir, `manifest.${envName}.json`);
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');

  const problems = (await validateManifestFile(manifestPath)).map((e) => `manifest.json: ${e}`);
  for (const [file, text] of filledLanguageFiles) {
    const errors = await validateLocalization(JSON.parse(text));
    problems.push(...errors.map((e) => `${file}: ${e}`));
  }

  /** @type {Map<string, Buffer | string>} */
  const entries = new Map([['manifest.json', JSON.stringify(manifest, null, 2) + '\n']]);
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const file = manifest.icons?.[kind];
    if (!file) continue; // the schema reports a missing icon
    const png = await readFile(path.join(appPackageDir, file)).catch(() => undefined);
    if (!png) {
      problems.push(`${file}: icon file not found`);
      continue;
    }
    try {
      const { width, height } = readPngHeader(png);
      if (width !== size || height !== size) problems.push(`${file}: ${kind} icon is ${width}x${height}, must be ${size}x${size}`);
    } catch (err) {
      problems.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    entries.set(file, png);
  }
  for (const [file, text] of filledLanguageFiles) entries.set(file, text);
  if (problems.length) throw new PackageError(`the ${envName} app package is invalid`, problems);

  const zip = new JSZip();
  for (const [name, data] of entries) zip.file(name, data, { date: ZIP_DATE });
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  await writeFile(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }));
  return { zipPath, manifestPath, manifest, files: [...entries.keys()] };
}

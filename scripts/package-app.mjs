#!/usr/bin/env node
// npm run package [-- --env <name>]: build appPackage/build/appPackage.<name>.zip
// (default env "dev") from appPackage/ and env/.env.<name>.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PackageError, buildAppPackage } from './lib/app-package.mjs';

const { values } = parseArgs({
  options: {
    env: { type: 'string', short: 'e', default: 'dev' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npm run package [-- --env <name>] [--out <dir>]\n' +
    'Fills ${{NAME}} placeholders from env/.env.<name> (environment variables win),\n' +
    'validates the manifest offline and writes appPackage.<name>.zip and manifest.<name>.json.');
  process.exit(0);
}

try {
  // process.env wins over the env file so CI can inject real ids without editing files.
  const result = await buildAppPackage({ envName: values.env, outDir: values.out, overrides: process.env });
  const rel = (p) => path.relative(process.cwd(), p);
  console.log(`Teams app package for "${values.env}": ${rel(result.zipPath)}`);
  console.log(`  contains ${result.files.join(', ')}`);
  console.log(`  filled manifest: ${rel(result.manifestPath)} (schema ${result.manifest.manifestVersion}, valid)`);
} catch (err) {
  if (!(err instanceof PackageError)) throw err;
  console.error(`package failed: ${err.message}`);
  process.exit(1);
}

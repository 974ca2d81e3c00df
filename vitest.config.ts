import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
// Outbound connections only to loopback, in every test (tests/support/no-network.ts).
const setupFiles = ['tests/support/no-network.ts'];

export default defineConfig({
  test: {
    // Test files wait more than they compute (on the paced sender, a child process,
    // Chromium): two at a time on two cores, rather than vitest's default of cores − 1.
    // TEST_WORKERS overrides.
    maxWorkers: Number(process.env.TEST_WORKERS) || Math.max(2, availableParallelism()),
    projects: [
      {
        // A card test's first render loads jsdom and the adaptivecards bundle: seconds on a busy two-core machine.
        test: { name: 'unit', include: ['bot/src/**/*.test.ts'], environment: 'node', setupFiles, testTimeout: 20_000 },
      },
      {
        // The tab's logic (routing, the API client, the dictionaries), with answers checked as in development.
        resolve: { alias: { '@contract': here('./bot/src/http/contract/index.ts') } },
        define: { __CHECK_ANSWERS__: 'true' },
        test: { name: 'tab', include: ['tab/src/**/*.test.ts'], environment: 'node', setupFiles },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/package/**/*.test.ts'],
          environment: 'node',
          setupFiles,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time (two cores), beside the other projects' files rather than
          // after them: fileParallelism: false would hold all browser files to the end.
          maxWorkers: 1,
        },
      },
    ],
  },
});

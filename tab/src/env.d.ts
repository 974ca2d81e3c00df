/** Set by the build (vite.config.ts, vitest.config.ts): check API answers against their schemas. Off in production builds. */
declare const __CHECK_ANSWERS__: boolean;

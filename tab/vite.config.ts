import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// The server serves dist/tab at /tab/ (unknown paths fall back to index.html).
export default defineConfig(({ mode }) => ({
  root: here('.'),
  base: '/tab/',
  publicDir: here('./public'),
  plugins: [react()],
  // The client checks every API answer against its declared schema, except in production builds.
  define: { __CHECK_ANSWERS__: JSON.stringify(mode !== 'production') },
  resolve: {
    // The API's types and zod schemas, shared with the server (see tab/tsconfig.json "paths").
    alias: { '@contract': here('../bot/src/http/contract/index.ts') },
  },
  build: {
    outDir: here('../dist/tab'),
    emptyOutDir: true,
    sourcemap: true,
    // Fluent UI v9 alone is about 600 kB minified (160 kB gzipped); the admin pages load on demand.
    chunkSizeWarningLimit: 1000,
  },
}));

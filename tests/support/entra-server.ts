import { FakeEntra } from './fake-entra.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * The real server signing people in with Entra ID, against the fake Entra on loopback;
 * `env` adds the tenants, role names and the like.
 */
export async function startEntraServer(env: Record<string, string>): Promise<{ entra: FakeEntra; server: TestServer }> {
  const entra = await new FakeEntra().start();
  const server = await startTestServer({ AUTH_MODE: 'entra', ENTRA_CLIENT_ID: 'client-id', ENTRA_AUTHORITY_HOST: entra.url, ...env });
  return { entra, server };
}

/** Stops both; either may be missing when starting failed. */
export async function stopEntraServer(server: TestServer | undefined, entra: FakeEntra | undefined): Promise<void> {
  await server?.close();
  await entra?.stop();
}

import net from 'node:net';

/**
 * Every test file runs with this: outbound connections go to loopback (the fakes of Teams,
 * Entra and Graph, the server under test, the local Postgres) or nowhere. A connection to
 * any other address fails at once with a message that says why, so a test can never depend
 * on the internet, nor leak a request to a real service.
 */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3}|\[::1\])$/i;

type ConnectArgs = Parameters<net.Socket['connect']>;
const connect = net.Socket.prototype.connect;

function target(args: unknown[]): { host?: string; path?: string } {
  // net.connect() hands the socket its arguments already normalised, as one array.
  if (Array.isArray(args[0])) return target(args[0] as unknown[]);
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: string; path?: string };
    return { host: o.host ?? (o.path ? undefined : 'localhost'), path: o.path };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first }; // a unix socket
  return { host: typeof second === 'string' ? second : 'localhost' };
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const { host, path } = target(args);
  if (!path && host !== undefined && !LOOPBACK.test(host)) {
    const error = Object.assign(new Error(`outbound network is refused in tests: ${host} is not loopback`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args as ConnectArgs);
} as net.Socket['connect'];

/**
 * The reader's address as unique readers see it: the socket's peer, or — behind proxies
 * the operator declared (TRUST_PROXY_HOPS) — the address the outermost trusted proxy saw,
 * taken from the right of X-Forwarded-For (entries further left are the client's own
 * claims and could be anything). Azure App Service's front end appends "ip:port"; the
 * port is dropped, or every new connection would look like a new reader.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const peer = remoteAddress ?? '';
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const seen = hops[hops.length - trustedHops];
  return seen === undefined ? (hops[0] ? withoutPort(hops[0]) : peer) : withoutPort(seen);
}

function withoutPort(address: string): string {
  // [v6]:port, v4:port; a bare v6 address has several colons and no port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4 ? v4[1]! : address;
}

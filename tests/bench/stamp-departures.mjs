// Preloaded into the Chorus process by `npm run bench -- installs` (node --import), nowhere
// else: every fetch carries the moment Chorus handed it to the network, in epoch ms, as the
// header x-bench-sent-at. The fake Bot Connector in the bench's process judges Teams' limit by
// it (its sentAtHeader option), so a 429 it answers is one Chorus's pace caused, not one the
// busy two-core machine caused by delivering well-spaced requests bunched together.
import { performance } from 'node:perf_hooks';

const original = globalThis.fetch;
globalThis.fetch = (input, init = {}) => {
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set('x-bench-sent-at', String(performance.timeOrigin + performance.now()));
  return original(input, { ...init, headers });
};

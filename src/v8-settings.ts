// V8 settings the service runs with, set from inside the process: Node does not accept them in
// NODE_OPTIONS, and `npm start`, the Docker image, the bench's servers and a hand-run
// `node dist/server.js` all pass through the code that calls `applyV8Settings`.
//
// Allocation-site pretenuring is off. V8 watches, per place in the code that makes objects, how many
// of them survive a young-generation collection; past a share, it makes that place's objects in the
// old generation from then on. Under concurrent requests, the objects of the requests still in flight
// survive, so V8 pretenured the pipeline's own per-request objects (tokens, mentions, contexts): they
// then died in the old generation, which grew and needed full collections. `npm run bench` (HTTP, 50
// connections, one report) measured /v1/explain at 724-941 req/s with an app server of 187-216 MB
// after warm-up, and with pretenuring off at 1,043-1,293 req/s and 141-148 MB, runs alternating; a
// single request (the in-process figures) is not affected, nor were `npm run loadtest` runs that did
// not fall into the pretenured state (README, Performance). The decision is taken on each
// collection, so setting the flag after start-up takes effect: the same bench with the flag set this
// way gave 1,119-1,129 req/s at 141-144 MB.

import { setFlagsFromString } from 'node:v8';

/** The flags, as on the command line. */
export const V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/** Sets `V8_FLAGS` in this process and returns them (for the start-up log line). Call it first thing. */
export function applyV8Settings(): readonly string[] {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
  return V8_FLAGS;
}

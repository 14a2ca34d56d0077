// The engine in a Web Worker: every function of src/engine/api.ts, exposed with comlink.
// Nothing else belongs here; the main thread talks to it only through src/client.
// First of all, the worker loses every network capability (workers/lockdown.ts), then takes
// its liveness lock (workers/alive.ts).
import './lockdown';
import './alive';
import { expose, transfer } from 'comlink';
import * as api from '../src/engine/api';
import { packResultScreenAnswer, packSolveAnswer } from '../src/client/rowCodec';
import { createScenarioReceiver } from '../src/client/argCodec';

// A solve's (and a result screen's) rows (and kinds) travel as transferred columns (src/client/rowCodec.ts), unpacked by the client.
// A large scenario argument may arrive as a patch against the last one (src/client/argCodec.ts).
type Fn = (...args: unknown[]) => unknown;
const scenarios = createScenarioReceiver();
const unpacked = (f: Fn): Fn => (...args) => f(...scenarios.unpack(args));
const functions = Object.fromEntries(
  Object.entries(api).map(([name, v]) => [name, typeof v === 'function' ? unpacked(v as Fn) : v]),
);
expose({
  ...functions,
  solve: unpacked((...args) => {
    const { answer, transfer: buffers } = packSolveAnswer(api.solve(...(args as Parameters<typeof api.solve>)));
    return transfer(answer, buffers);
  }),
  resultScreen: unpacked((...args) => {
    const { answer, transfer: buffers } = packResultScreenAnswer(
      api.resultScreen(...(args as Parameters<typeof api.resultScreen>)),
    );
    return transfer(answer, buffers);
  }),
});

// The engine in a Web Worker: every function of src/engine/api.ts, exposed with comlink.
// Nothing else belongs here; the main thread talks to it only through src/client.
// First of all, the worker loses every network capability (workers/lockdown.ts), then takes
// its liveness lock (workers/alive.ts).
import './lockdown';
import './alive';
import { expose, transfer } from 'comlink';
import * as api from '../src/engine/api';
import { packResultScreenAnswer, packSolveAnswer } from '../src/client/rowCodec';

// A solve's (and a result screen's) rows travel as transferred columns (src/client/rowCodec.ts), unpacked by the client.
expose({
  ...api,
  solve: (...args: Parameters<typeof api.solve>) => {
    const { answer, transfer: buffers } = packSolveAnswer(api.solve(...args));
    return transfer(answer, buffers);
  },
  resultScreen: (...args: Parameters<typeof api.resultScreen>) => {
    const { answer, transfer: buffers } = packResultScreenAnswer(api.resultScreen(...args));
    return transfer(answer, buffers);
  },
});

// The engine in a Web Worker: every function of src/engine/api.ts, exposed with comlink.
// Nothing else belongs here; the main thread talks to it only through src/client.
import { expose } from 'comlink';
import * as api from '../src/engine/api';

expose(api);

// Imported first by engine.worker.ts, for its side effect: the network is gone from this worker
// before comlink or the engine is even evaluated (ES modules run in import order).
import { removeNetwork } from './network';

removeNetwork(self);

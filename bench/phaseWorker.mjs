// Loads the TypeScript worker through tsx's loader (worker threads do not inherit it).
import { register } from 'tsx/esm/api';
register();
await import('./phaseWorker.ts');

// The engine pool the app uses: one per page, spawned lazily on the first job.
import type { engineApi as EngineModule } from '../engine';
import { createEngineWorker } from './engineWorker';
import { createPool, type FunctionsOf, type Pool, type WorkerFactory } from './pool';

/** What the engine worker exposes: the functions of src/engine/api.ts. */
export type EngineApi = FunctionsOf<typeof EngineModule>;
export type EnginePool = Pool<EngineApi>;

let shared: EnginePool | null = null;

/** The page's engine pool (made on first use; no worker starts until a job is run). */
export function enginePool(): EnginePool {
  shared ??= createEnginePool();
  return shared;
}

export function createEnginePool(
  options: { size?: number; createWorker?: WorkerFactory } = {},
): EnginePool {
  return createPool<EngineApi>({
    createWorker: options.createWorker ?? createEngineWorker,
    size: options.size,
  });
}

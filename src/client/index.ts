// The main thread's door to the engine. Components import from here, never from comlink.
export { enginePool, createEnginePool, type EngineApi, type EnginePool } from './engine';
export {
  createPool,
  latest,
  isAbortError,
  clampSize,
  defaultPoolSize,
  WorkerCrashedError,
  type Pool,
  type PoolOptions,
  type PoolStats,
  type RunOptions,
  type WorkerFactory,
  type WorkerHandle,
  type ProgressFn,
  type MethodName,
} from './pool';
export {
  EngineProvider,
  useEngineJob,
  useEnginePool,
  useEngineResult,
  useEngineResultScreen,
  type EngineState,
  type ScreenState,
  type JobState,
} from './react';
export {
  runSweep,
  runPhase,
  successAt,
  splitRange,
  type BatchPool,
  type BatchOptions,
  type PhaseOptions,
  type PhaseSpec,
  type SweepOutput,
} from './batch';
export { prepareInline } from './inline';

/**
 * The replay page's store: its public face. The page imports `./store`, never a file inside;
 * replayStore.ts lists what each file holds.
 */
export { ReplayStore } from './replayStore';
export type { ReplayState } from './state';
export { PROCESS_KEYS, type ProcessKey } from './processKeys';
export type { ProcessRun, ProcessView, RunState } from './replayRuns';
export type { Source } from './scenarioChoice';
export { defaultReplications, type RepsState } from './replicationBatch';
export type { SweepState } from './sweepBatch';
export { defaultPoolSize, type PoolJob, type WorkerFactory } from './workerPool';
// The batch and its worker pool also run the validation table (src/ui/validation).
export { Batch, IDLE_BATCH, type BatchProgress } from './batch';
export type { StateSlice, StoreServices } from './state';
export type { PoolFailure } from './workerPool';

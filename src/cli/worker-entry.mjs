// Worker threads do not inherit tsx's loader on Node 20: load the TypeScript worker through
// tsx's API instead. Used by src/cli/parallel.ts.
import { tsImport } from 'tsx/esm/api';
await tsImport('./replication-worker.ts', import.meta.url);

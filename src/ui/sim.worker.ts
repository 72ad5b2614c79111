/**
 * The simulation worker: every run happens here, off the page's thread, so the page never
 * freezes. The work itself is in simHandler.ts.
 */
import './strictPolicy';
import { handleRequest } from './simHandler';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<WorkerRequest>) => handleRequest(e.data, (m: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(m, transfer));

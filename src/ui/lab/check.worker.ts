/** The lab's check worker: a process check runs here, off the page's thread; Cancel ends the worker. The work is in checkHandler.ts. */
import '../strictPolicy';
import { handleCheck } from './checkHandler';
import type { CheckRequest, CheckResponse } from './checkProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<CheckRequest>) => handleCheck(e.data, (m: CheckResponse) => scope.postMessage(m));

/**
 * Imported first by the page (main.tsx) and the simulation worker (sim.worker.ts), before any
 * schema parses anything: zod otherwise probes for eval with `Function('')` to speed up object
 * parsing, which the Content-Security-Policy (no 'unsafe-eval', tools/hosting.ts) refuses and
 * reports as a violation. Parsing is the same without it, only without the compiled fast path.
 */
import { config } from 'zod';

config({ jitless: true });

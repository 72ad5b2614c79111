/**
 * zod, configured once for every schema in the core: without `jitless`, zod probes for eval with
 * `Function('')` the first time it parses an object, to compile a faster parser. The page's
 * Content-Security-Policy (no 'unsafe-eval', tools/hosting.ts) refuses that and reports a
 * violation, and a bundle may evaluate a schema module before the page's own first import runs.
 * Configured here, beside the import every schema module uses, it is set before any schema exists.
 * Parsing gives the same results either way, only without the compiled fast path.
 */
import { config, z } from 'zod';

config({ jitless: true });

export { z };

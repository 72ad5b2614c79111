/** Moved to src/core/check/runner.ts so the browser's check (the lab's worker) runs the same code; kept here for the command line's imports. */
export * from '../../core/check/runner';

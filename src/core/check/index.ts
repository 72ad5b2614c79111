/**
 * The process check (`npm run check-process`, and the lab's worker in the browser): generated
 * scenarios (arbitraries.ts), the search and shrink (runner.ts) and the report (report.ts).
 * Framework-free and Node-free, so the command line and the browser give the same report for the
 * same process, base scenario and seed.
 */
export * from './arbitraries';
export * from './runner';
export * from './report';

/** The process statecharts by name. A scenario's `process` field picks one. */
import { spa2013 } from './spa2013';
import { spa2015 } from './spa2015';

export { spa2013, spa2015 };
export * from './common';

export const PROCESSES = { '2013': spa2013, '2015': spa2015 } as const;
export type ProcessName = keyof typeof PROCESSES;
export const PROCESS_NAMES: readonly ProcessName[] = ['2013', '2015'];
export type SpaMachine = typeof spa2013 | typeof spa2015;
export * from './facts';
export * from './validate';
export * from './processFile';

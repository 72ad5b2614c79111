/** The two processes the page compares, in the order it shows them. */
export type ProcessKey = '2013' | '2015';
export const PROCESS_KEYS: readonly ProcessKey[] = ['2013', '2015'];

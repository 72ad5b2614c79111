/** Training mode: vignettes, a learner's shift on the process statecharts, scoring and results. */
export * from './vignette';
export * from './shift';
export * from './scoring';
export * from './results';

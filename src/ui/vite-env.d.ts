/// <reference types="vite/client" />

/** The LMS package's settings (vite.config.ts, mode "lms"); null in every other build. */
declare const __SPA_LMS__: import('./training/lms/config').LmsConfig | null;

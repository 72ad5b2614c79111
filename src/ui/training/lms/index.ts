/** The training mode's LMS adapter: SCORM 1.2 reporting and xAPI statements (README "For a workforce team"). */
export { LmsPanel } from './LmsPanel';
export { lmsConnection } from './connection';

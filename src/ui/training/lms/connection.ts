/**
 * The page's one connection to an LMS, made when the page opens (main.tsx). Only the LMS package
 * (`npm run build:lms`) looks for one; in it, with no SCORM API on any parent or opener window
 * (the package opened outside an LMS), there is no connection and the app behaves as any build.
 */
import { buildConfig, type LmsConfig } from './config';
import { Scorm12Session, findScorm12Api } from './scorm12';

export interface LmsConnection {
  config: LmsConfig;
  /** Null outside an LMS. */
  scorm: Scorm12Session | null;
  /** The learner as the LMS knows them (cmi.core.student_id / student_name), or empty. */
  learner: { id: string; name: string };
}

let connection: LmsConnection | null = null;

export function lmsConnection(): LmsConnection | null {
  return connection;
}

export function startLms(win: Window): void {
  const config = buildConfig();
  if (!config || connection) return;
  // The package opens on the training view.
  if (!win.location.hash || win.location.hash === '#' || win.location.hash === '#/') win.history.replaceState(null, '', '#/training');
  const api = findScorm12Api(win as unknown as Parameters<typeof findScorm12Api>[0]);
  let scorm: Scorm12Session | null = null;
  const learner = { id: '', name: '' };
  if (api) {
    scorm = new Scorm12Session(api, Date.now(), () => Date.now());
    if (scorm.start()) {
      learner.id = api.LMSGetValue('cmi.core.student_id');
      learner.name = api.LMSGetValue('cmi.core.student_name');
      const end = () => scorm?.finish();
      win.addEventListener('pagehide', end);
    } else {
      console.warn(`The LMS refused to start a session: ${scorm.errors.join('; ')}`);
      scorm = null;
    }
  }
  connection = { config, scorm, learner };
}

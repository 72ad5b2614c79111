/**
 * The page's one connection to an LMS, made when the page opens (main.tsx). Only the LMS package
 * (`npm run build:lms`) looks for one; in it, with no SCORM API on any parent or opener window
 * (the package opened outside an LMS), there is no connection and the app behaves as any build.
 */
import { buildConfig, type LmsConfig } from './config';
import { Scorm12Session, findScorm12Api, type ApiWindow, type LmsSession } from './scorm12';
import { Scorm2004Session, findScorm2004Api } from './scorm2004';

export interface LmsConnection {
  config: LmsConfig;
  /** Null outside an LMS. */
  scorm: LmsSession | null;
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
  const at = win as unknown as ApiWindow;
  const learner = { id: '', name: '' };
  let scorm: LmsSession | null = null;
  let who: () => void = () => {};
  if (config.scorm === '2004') {
    const api = findScorm2004Api(at);
    if (api) {
      scorm = new Scorm2004Session(api, Date.now(), () => Date.now());
      who = () => ((learner.id = api.GetValue('cmi.learner_id')), (learner.name = api.GetValue('cmi.learner_name')));
    }
  } else {
    const api = findScorm12Api(at);
    if (api) {
      scorm = new Scorm12Session(api, Date.now(), () => Date.now());
      who = () => ((learner.id = api.LMSGetValue('cmi.core.student_id')), (learner.name = api.LMSGetValue('cmi.core.student_name')));
    }
  }
  if (scorm) {
    if (scorm.start()) {
      who();
      const session = scorm;
      win.addEventListener('pagehide', () => session.finish());
    } else {
      console.warn(`The LMS refused to start a session: ${scorm.errors.join('; ')}`);
      scorm = null;
    }
  }
  connection = { config, scorm, learner };
}

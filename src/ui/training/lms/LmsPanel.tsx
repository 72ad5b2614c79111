/**
 * The debrief's LMS part: reports the ended shift to the LMS (once per shift) and to the learning
 * record store if the build names one, and offers the xAPI statements as a JSON file in any build.
 */
import { useEffect, useMemo, useState } from 'react';
import type { LearnerResults } from '../../../core/training';
import { download } from '../download';
import { LMS_DEFAULTS } from './config';
import { lmsConnection } from './connection';
import { sendStatements, type SendOutcome } from './send';
import { agentOf, buildStatements, type XapiStatement } from './xapi';

interface Props {
  results: LearnerResults;
  /** Wall-clock epoch milliseconds the shift started and ended (undefined for shifts saved before they were kept). */
  startedAt?: number;
  endedAt?: number;
  fileBase: string;
}

const REPORTED_KEY = 'spa-training:lms-reported:v1';

/** A random (version 4) UUID; crypto.randomUUID is missing outside secure contexts. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** True the first time for a given shift in this tab; a reload or a return to the debrief reports nothing twice. */
function firstReport(signature: string): boolean {
  try {
    if (window.sessionStorage.getItem(REPORTED_KEY) === signature) return false;
    window.sessionStorage.setItem(REPORTED_KEY, signature);
  } catch {
    // storage blocked: report (a repeat is better than a loss)
  }
  return true;
}

export function statementsFor(results: LearnerResults, startedAt: number | undefined, endedAt: number | undefined): XapiStatement[] {
  const lms = lmsConnection();
  const activityId = lms?.config.activityId ?? LMS_DEFAULTS.activityId;
  const end = endedAt ?? Date.now();
  return buildStatements({
    results,
    actor: agentOf(new URL(activityId).origin, lms?.learner.id ?? '', lms?.learner.name || results.learner),
    activityId,
    title: lms?.config.title ?? LMS_DEFAULTS.title,
    passMark: lms?.config.passMark ?? null,
    durationMs: startedAt === undefined ? 0 : end - startedAt,
    timestamp: new Date(end).toISOString(),
    newId: uuid,
  });
}

export function LmsPanel({ results, startedAt, endedAt, fileBase }: Props) {
  const lms = lmsConnection();
  const statements = useMemo(() => statementsFor(results, startedAt, endedAt), [results, startedAt, endedAt]);
  const [sent, setSent] = useState<SendOutcome | null>(null);

  useEffect(() => {
    if (!lms) return;
    const signature = JSON.stringify([results.shift, startedAt, results.cases.map((c) => [c.decidedLevel, c.decidedResponse, c.decidedAt])]);
    if (!firstReport(signature)) return;
    lms.scorm?.report(results, lms.config.passMark);
    if (lms.scorm?.errors.length) console.warn(`The LMS refused some values: ${lms.scorm.errors.join('; ')}`);
    // No cleanup that drops the outcome: under StrictMode's second run the shift is already reported.
    void sendStatements(lms.config, statements, (...a) => fetch(...a)).then(setSent);
  }, [lms, results, statements, startedAt]);

  const passMark = lms?.config.passMark;
  return (
    <div className="tr-lms">
      {lms?.scorm && (
        <p className="tr-lms-status" data-lms="scorm">
          Your result has been sent to your learning management system
          {passMark !== undefined && `: ${results.score.score >= passMark ? 'passed' : 'not passed'} (the pass mark is ${passMark} out of 100)`}.
        </p>
      )}
      {sent && sent.status !== 'off' && (
        <p className="tr-lms-status" data-lms="xapi" role="status">
          {sent.status === 'sent' ? `Your ${sent.count} statements were sent to the learning record store.` : `Your statements could not be sent to the learning record store: ${sent.message}. Download them below and give the file to your trainer.`}
        </p>
      )}
      <button type="button" className="button button-secondary" onClick={() => download(`${JSON.stringify(statements, null, 2)}\n`, `${fileBase}-xapi.json`, 'application/json')}>
        Download your results as xAPI statements (JSON)
      </button>
    </div>
  );
}

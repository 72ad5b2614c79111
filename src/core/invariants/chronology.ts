/**
 * Case chronologies: one contact's journey told from the trace, as a practitioner reads a case
 * file. Each entry says when (London local time), who acted and what happened, where the case
 * went, what the service's own report recorded, and the truth beside it.
 */
import type { Instant } from '../calendar';
import type { Contact } from '../contact';
import { LEVEL_INFO } from '../levels';
import { indexRun } from './run-index';
import type { RunIndex, RunView } from './types';
import { eventPhrase, roleName, when } from './words';

export interface ChronologyEntry {
  t: Instant;
  /** 'Tue 2013-06-04 10:30', London local time. */
  when: string;
  /** Who acted, in plain English ('team manager', 'police (out of hours, EDT)', 'the clock'). */
  who: string;
  /** What happened ('threshold decided: level 3'). */
  what: string;
  from: string | null;
  to: string;
  /** The new state's description from its meta. */
  state: string;
  /** What the service's weekly report recorded for the case after this entry. */
  report: string;
  reportPending: boolean;
  /** The truth after this entry. */
  truth: string;
  /** A warning when the report and the truth disagree. */
  warning?: string;
}

export interface CaseChronology {
  caseId: string;
  /** One line about the child and the contact. */
  summary: string;
  entries: ChronologyEntry[];
}

export interface Mark {
  at: Instant;
  text: string;
}

function contactSummary(c: Contact | undefined): string {
  if (!c) return 'not a received contact';
  const level = LEVEL_INFO[c.trueLevel];
  const facts = [
    `true level ${c.trueLevel} (${level.name})`,
    `from ${c.source}${c.outOfHours ? ' out of hours' : ''}`,
    c.levelClear ? 'level clear at contact' : `level not clear at contact${c.aboveEarlyHelp ? ', needs potentially above early help' : ', needs no more than early help'}`,
    c.formComplete ? 'referral form complete' : 'referral form incomplete',
  ];
  if (c.immediateDanger) facts.push('immediate danger');
  if (c.mentalHealth) facts.push('mental health');
  if (c.openCase) facts.push('open case');
  if (c.inEarlyHelp) facts.push('already in early help');
  return facts.join('; ');
}

function isIndex(x: RunIndex | RunView): x is RunIndex {
  return 'cases' in x && 'meta' in x;
}

/** The chronologies of the given cases, in the order given. */
export function chronology(run: RunIndex | RunView, caseIds: readonly string[]): CaseChronology[] {
  const ix = isIndex(run) ? run : indexRun(run);
  return caseIds.map((caseId) => {
    const contact = ix.contacts.get(caseId);
    const entries: ChronologyEntry[] = (ix.cases.get(caseId) ?? []).map((r) => {
      let warning: string | undefined;
      if (r.undecided && r.reportDecided) warning = 'recorded as an outcome, but no decision has been made';
      else if (r.undecided && !r.reportPending) warning = 'not shown as pending in the report';
      else if (!r.undecided && r.reportPending) warning = 'shown as pending, but already decided';
      const truth = r.undecided ? 'no threshold decision yet' : r.unallocated ? 'decided; waiting for a named social worker' : 'decided';
      return {
        t: r.t,
        when: when(r.t),
        who: r.event === 'contact.received' ? r.actor : roleName(r.actor),
        what: eventPhrase(r.event, r.detail),
        from: r.from,
        to: r.to,
        state: ix.meta(r.to)?.description ?? '',
        report: r.report,
        reportPending: r.reportPending,
        truth,
        ...(warning ? { warning } : {}),
      };
    });
    return { caseId, summary: contactSummary(contact), entries };
  });
}

/**
 * Chronologies as text. `marks` are inserted where they fall in time (e.g. "safeguard broken
 * here"); `upTo` drops entries after that instant (the rest of a long journey), saying so.
 */
export function formatChronologies(list: readonly CaseChronology[], marks: readonly Mark[] = [], upTo?: Instant): string {
  const lines: string[] = [];
  for (const c of list) {
    lines.push(`${c.caseId}: ${c.summary}`);
    const pending = [...marks].sort((a, b) => a.at - b.at);
    let later = 0;
    for (const e of c.entries) {
      while (pending.length && pending[0].at < e.t) {
        const m = pending.shift()!;
        lines.push(`  >> ${when(m.at)}  ${m.text}`);
      }
      if (upTo !== undefined && e.t > upTo) {
        later++;
        continue;
      }
      const move = e.from === null ? `starts in ${e.to}` : e.from === e.to ? `stays in ${e.to}` : `${e.from} -> ${e.to}`;
      lines.push(`  ${e.when}  ${e.who}: ${e.what}; ${move}`);
      lines.push(`${' '.repeat(24)}report: "${e.report}"${e.reportPending ? ' (pending)' : ''}; truth: ${e.truth}${e.warning ? `  <-- ${e.warning}` : ''}`);
    }
    for (const m of pending) lines.push(`  >> ${when(m.at)}  ${m.text}`);
    if (later) lines.push(`  (${later} later entr${later === 1 ? 'y' : 'ies'} not shown)`);
    lines.push('');
  }
  return lines.join('\n');
}

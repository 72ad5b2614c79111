/**
 * Every contact in the period, findable: filter to the cases 2013 hid or held, or to those in a
 * state chosen on a diagram, and open any case's chronology (a button per case, so keyboard and
 * screen reader users reach it like everyone else).
 */
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import type { Contact } from '../../core/contact';
import { stateLabel } from '../../core/labels';
import type { CaseSummary } from '../../core/metrics';
import { caseRecordAt } from '../../core/timeline';
import { ScrollBox } from '../ScrollBox';
import { formatShort } from './format';
import { viewsOf } from './selectors';
import { type ProcessKey, type ProcessView } from './store';
import { sideMachine } from './store/processKeys';
import { Term } from './Term';
import { useReplay, useSideNames, useStore } from './useReplay';

const PAGE = 20;

const FILTERS = {
  all: 'All contacts received in the period',
  hidden2013: 'Hidden from the 2013 weekly report',
  held2013: 'Held over 5 working days in 2013',
  different: 'Decided differently in 2013 and 2015',
  level4: 'True level 4 (child protection)',
} as const;
type FilterKey = keyof typeof FILTERS;

const SHORT_RESPONSE: Record<string, string> = {
  advice: 'L1 advice',
  earlyHelp: 'L2 early help',
  childInNeed: 'L3 child in need',
  childProtection: 'L4 protection',
  allocatedWorker: 'open case',
};

export function openCase(store: ReturnType<typeof useStore>, id: string) {
  store.selectCase(id);
  requestAnimationFrame(() => {
    const h = document.getElementById('chronology-heading');
    h?.focus();
  });
}

interface Row {
  contact: Contact;
  s13: CaseSummary | null;
  s15: CaseSummary | null;
}

export function CaseList() {
  const store = useStore();
  const run = useReplay((s) => s.run);
  const selectedState = useReplay((s) => s.selectedState);
  const variant = useReplay((s) => s.variant);
  const sideNames = useSideNames();
  const selectedCase = useReplay((s) => s.selectedCase);
  const tNow = useReplay((s) => s.t);
  const t = useDeferredValue(tNow);
  const views = viewsOf(run);
  const [filter, setFilter] = useState<FilterKey>('all');
  const [page, setPage] = useState(0);
  const [find, setFind] = useState('');
  const [findError, setFindError] = useState<string | null>(null);

  const rows = useMemo<Row[]>(() => {
    if (!views) return [];
    const base = views['2013'] ?? views['2015'];
    if (!base) return [];
    const summary = (v: ProcessView | null, id: string) => {
      const i = v?.indexOfCase.get(id);
      return v && i !== undefined ? v.replay.cases[i] : null;
    };
    const { start, end } = base.replay;
    return base.replay.contacts
      .filter((c) => c.receivedAt >= start && c.receivedAt < end)
      .map((c) => ({ contact: c, s13: summary(views['2013'], c.id), s15: summary(views['2015'], c.id) }));
  }, [views]);

  const filtered = useMemo(() => {
    let out = rows;
    if (filter === 'hidden2013') out = out.filter((r) => r.s13?.hidden);
    else if (filter === 'held2013') out = out.filter((r) => (r.s13?.heldWorkingDays ?? 0) > 5 && r.s13?.firstResponse !== 'allocatedWorker');
    else if (filter === 'different') out = out.filter((r) => r.s13?.firstResponse !== r.s15?.firstResponse);
    else if (filter === 'level4') out = out.filter((r) => r.contact.trueLevel === 4);
    if (selectedState && views?.[selectedState.process]) {
      const v = views[selectedState.process]!;
      out = out.filter((r) => {
        const recs = v.recordsByCase.get(r.contact.id);
        return recs ? caseRecordAt(recs, t)?.to === selectedState.state : false;
      });
    }
    return out;
  }, [rows, filter, selectedState, views, t]);

  if (!views) return null;
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const p = Math.min(page, pages - 1);
  const shown = filtered.slice(p * PAGE, (p + 1) * PAGE);

  const onFind = (e: FormEvent) => {
    e.preventDefault();
    const raw = find.trim().toUpperCase();
    const id = /^\d+$/.test(raw) ? `C${raw.padStart(6, '0')}` : raw;
    const known = (views['2013'] ?? views['2015'])?.indexOfCase.has(id);
    if (!known) {
      setFindError(`There is no case ${id || '(blank)'} in this run. Case numbers look like C000123.`);
      return;
    }
    setFindError(null);
    openCase(store, id);
  };

  return (
    <section className="section" aria-labelledby="cases-heading">
      <h2 id="cases-heading" tabIndex={-1}>
        Cases
      </h2>
      <p className="hint">
        Every <Term id="contact">contact</Term> received in the period, the same children in both processes. Choose a case to follow its chronology in 2013 and 2015 side by side.
      </p>
      <div className="bar-row">
        <div className="field-inline">
          <label htmlFor="case-filter">Show</label>
          <select
            id="case-filter"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as FilterKey);
              setPage(0);
            }}
          >
            {Object.entries(FILTERS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <form className="field-inline" onSubmit={onFind} noValidate>
          <label htmlFor="case-find">Find a case</label>
          <input
            id="case-find"
            className={`input-case${findError ? ' input-error' : ''}`}
            value={find}
            placeholder="C000123"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={findError ? true : undefined}
            aria-describedby={findError ? 'case-find-error' : undefined}
            onChange={(e) => setFind(e.target.value)}
          />
          <button type="submit" className="button button-secondary">
            Open
          </button>
        </form>
      </div>
      {findError && (
        <p id="case-find-error" className="error-message" role="alert">
          <span className="visually-hidden">Error:</span> {findError}
        </p>
      )}
      {selectedState && (
        <p className="filter-note">
          Only cases in <strong>{stateLabel(sideMachine(variant, selectedState.process), selectedState.state)}</strong> in the {sideNames[selectedState.process]} process at {formatShort(t)}.{' '}
          <button type="button" className="link-button" onClick={() => store.selectState(null)}>
            Show cases in every state
          </button>
        </p>
      )}
      <p aria-live="polite" className="result-count" data-case-count={filtered.length}>
        {filtered.length} {filtered.length === 1 ? 'case' : 'cases'}
        {pages > 1 ? `, page ${p + 1} of ${pages}` : ''}
      </p>
      {/* Wider than a phone: scrolls in its own box, and says so. */}
      <ScrollBox label="Cases table">
      <table className="table case-table">
        <caption className="visually-hidden">Cases, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Received</th>
            <th scope="col">From</th>
            <th scope="col" className="num">
              True level
            </th>
            <Decision process="2013" />
            <Decision process="2015" />
            <th scope="col">Marks</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.contact.id} className={r.contact.id === selectedCase ? 'selected-row' : undefined}>
              <td>
                <button type="button" className="link-button case-open" data-case-open={r.contact.id} aria-label={`Case ${r.contact.id}: open its chronology`} onClick={() => openCase(store, r.contact.id)}>
                  {r.contact.id}
                </button>
              </td>
              <td>{formatShort(r.contact.receivedAt)}</td>
              <td>{r.contact.source}</td>
              <td className="num">{r.contact.trueLevel}</td>
              <td>{decision(r.s13)}</td>
              <td>{decision(r.s15)}</td>
              <td>
                {r.s13?.hidden && <span className="tag tag-hidden">2013 hid it</span>}
                {r.s13 && r.s13.firstResponse !== 'allocatedWorker' && r.s13.heldWorkingDays > 5 && <span className="tag tag-late">2013 held it {Math.round(r.s13.heldWorkingDays)} days</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollBox>
      {pages > 1 && (
        <nav className="pager" aria-label="Pages of cases">
          <button type="button" className="button button-secondary" disabled={p === 0} onClick={() => setPage(p - 1)}>
            Previous page
          </button>
          <span>
            Page {p + 1} of {pages}
          </span>
          <button type="button" className="button button-secondary" disabled={p >= pages - 1} onClick={() => setPage(p + 1)}>
            Next page
          </button>
        </nav>
      )}
    </section>
  );
}

function Decision({ process }: { process: ProcessKey }) {
  const name = useSideNames()[process];
  return (
    <th scope="col">
      {name}: first decision (working days)
    </th>
  );
}

function decision(s: CaseSummary | null): string {
  if (!s) return '-';
  if (!s.firstResponse) return `none yet (${s.heldWorkingDays.toFixed(1)})`;
  return `${SHORT_RESPONSE[s.firstResponse] ?? s.firstResponse} (${s.heldWorkingDays.toFixed(1)})`;
}

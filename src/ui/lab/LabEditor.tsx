/**
 * The process lab's editor (issue 15): start from the 2013 or 2015 process (or a loaded or shared
 * process file), see its chart drawn as on the replay page, and change it without code. Every
 * change is made by a pure edit (core/processes/edit.ts) and checked as it is made, with the
 * command line's own message when it is refused; changes can be undone and redone (buttons, or
 * Ctrl+Z and Ctrl+Shift+Z), and the whole draft is kept in the browser's storage until it is
 * discarded. The file can be downloaded, loaded again and shared by a link.
 *
 * The editor reports the current process to the lab (`onChange`): the file, or null with the
 * problems in plain words.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { CHART_CLOCK_BOUNDS, FILE_LIMITS } from '../../core/bounds';
import { ACTIVITY_LABELS, ROLE_LABELS, eventLabel } from '../../core/labels';
import type { Activity, Role } from '../../core/processes/common';
import { ROLES } from '../../core/processes/common';
import {
  addState,
  canRedo,
  canUndo,
  clearClocks,
  clocksOf,
  setClocks,
  decisionStates,
  guardNames,
  historyOf,
  holdIsOn,
  holdStates,
  pushHistory,
  redirectTransition,
  redo,
  removeTransition,
  rename,
  setDecider,
  setGuard,
  setHold,
  transitionsOf,
  undo,
  type ClockField,
  type Edited,
  type History,
  type TransitionInfo,
} from '../../core/processes/edit';
import { wordsOfName } from '../../core/processes/facts';
import { ProcessFileError, processFileText, processFromFile, processFromText, shippedProcessFile, type ProcessFile } from '../../core/processes/processFile';
import { ACTIVITIES } from '../../core/processes/validate';
import { DEFAULT_DURATIONS } from '../../core/scenario';
import { stateInfos } from '../../core/timeline';
import { downloadText } from '../replay/download';
import { StateDiagram } from '../replay/StateDiagram';
import { useChartLayout } from '../replay/useChartLayout';
import { discardDraft, readDraft, writeDraft } from './editorDraft';
import { LAB_PROCESS_PARAM, decodeProcessParam, shareLink } from './editorLink';
import './editor.css';

export interface LabEditorProps {
  onChange(process: ProcessFile | null, problems: string[]): void;
}

/** Which part of the editor made the last edit, so its refusal is shown beside it. */
type Where = 'start' | 'transitions' | 'add' | 'decider' | 'hold' | 'clocks' | 'name';

interface Refusal {
  where: Where;
  title: string;
  problems: string[];
}

const PROCESS_NAMES = ['2013', '2015'] as const;
const NO_GUARD = '';

/** A guard's name in words: "potentiallyAboveEarlyHelp" -> "Potentially above early help". */
const guardWords = (g: string) => wordsOfName(g);

/** The lab's process from a link in the location hash, if any: `#/lab?process=...`. */
function linkParam(hash: string): string | null {
  const q = hash.split('?').slice(1).join('?');
  return q ? new URLSearchParams(q).get(LAB_PROCESS_PARAM) : null;
}

/** The refusal of a file, as lines "field: rule". */
function problemsOfError(e: unknown): string[] {
  if (e instanceof ProcessFileError) return e.issues.map((i) => `${i.field}: ${i.rule}`);
  return [e instanceof Error ? e.message : String(e)];
}

/** "Manager review" -> "managerReview", made unique among the chart's states. */
function stateNameFor(label: string, taken: readonly string[]): string {
  const words = label.replace(/[^A-Za-z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  let base = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (!/^[A-Za-z]/.test(base)) base = `step${base}`;
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base}${i}`;
  return name;
}

export function LabEditor({ onChange }: LabEditorProps) {
  const [history, setHistory] = useState<History<ProcessFile> | null>(() => readDraft());
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [status, setStatus] = useState('');
  const [stored, setStored] = useState(true);
  const present = history?.present ?? null;

  // Keep the draft, and tell the lab, whenever the process changes.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (history) setStored(writeDraft(history));
    onChangeRef.current(history?.present ?? null, history ? [] : ['No process yet: start from the 2013 or 2015 process, or load a process file.']);
  }, [history]);

  /** Make an edit: kept (undoable) if the command line would accept the result, else its refusal shown where it was made. */
  const apply = useCallback((where: Where, result: Edited, said: string): boolean => {
    if (result.ok) {
      setHistory((h) => (h ? pushHistory(h, result.file) : historyOf(result.file)));
      setRefusal(null);
      setStatus(`${said} (Undo: Ctrl+Z)`);
      return true;
    } else {
      setRefusal({ where, title: `Not changed (“${said}”): the simulator could not run the process it gives.`, problems: result.problems });
      setStatus('Not changed: see the message beside the change.');
      return false;
    }
  }, []);

  /** Start from a file (a shipped process, a loaded file, a link): undoable, so the draft before it is not lost. */
  const startFrom = useCallback(
    (file: ProcessFile, said: string) => {
      void apply('start', { ok: true, file }, said);
    },
    [apply],
  );

  const loadText = useCallback(
    (text: string | null, from: string) => {
      if (text === null) {
        setRefusal({ where: 'start', title: `${from} was not loaded`, problems: [`(file): must be at most ${FILE_LIMITS['process file'] >> 20} MB (a process file is about 25 KB)`] });
        return;
      }
      try {
        const { file } = processFromText(text);
        startFrom(file, `Loaded ${from}: ${file.name}`);
      } catch (e) {
        setRefusal({ where: 'start', title: `${from} was not loaded: the simulator cannot run it`, problems: problemsOfError(e) });
        setStatus(`${from} was not loaded: see the message.`);
      }
    },
    [startFrom],
  );

  // A shared link: load its process (on top of the draft, so Undo gives the draft back), then tidy the address.
  useEffect(() => {
    let live = true;
    const read = async () => {
      const value = linkParam(window.location.hash);
      if (value === null) return;
      const decoded = await decodeProcessParam(value);
      if (!live) return;
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/lab`);
      if ('error' in decoded) {
        setRefusal({ where: 'start', title: 'The shared link was not loaded', problems: [decoded.error] });
        return;
      }
      loadText(decoded.text, 'The shared link');
    };
    void read();
    const onHash = () => void read();
    window.addEventListener('hashchange', onHash);
    return () => {
      live = false;
      window.removeEventListener('hashchange', onHash);
    };
  }, [loadText]);

  const doUndo = useCallback(() => {
    setHistory((h) => (h && canUndo(h) ? undo(h) : h));
    setRefusal(null);
    setStatus('Undone.');
  }, []);
  const doRedo = useCallback(() => {
    setHistory((h) => (h && canRedo(h) ? redo(h) : h));
    setRefusal(null);
    setStatus('Redone.');
  }, []);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y); in a text box they stay the box's own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'file'].includes((t as HTMLInputElement).type)))) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        doUndo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        doRedo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doUndo, doRedo]);

  const discard = () => {
    discardDraft();
    setHistory(null);
    setRefusal(null);
    setStatus('Draft discarded.');
  };

  return (
    <section className="lab-editor" aria-labelledby="lab-editor-heading">
      <h2 id="lab-editor-heading">Change the process</h2>
      <StartBar hasDraft={history !== null} onStart={(name) => startFrom(shippedProcessFile(name), `Started from the ${name} process`)} onLoad={loadText} />
      <RefusalBox refusal={refusal?.where === 'start' ? refusal : null} />
      <p className="lab-status" role="status" aria-live="polite" data-lab-status>
        {status}
      </p>
      {!stored && history && <p className="error-message">This browser would not keep the draft (storage is full or turned off): download the file to keep it.</p>}
      {history && present ? (
        <>
          <Toolbar history={history} onUndo={doUndo} onRedo={doRedo} onDiscard={discard} />
          <Workbench key={present.derivedFrom ?? 'none'} file={present} apply={apply} refusal={refusal} />
        </>
      ) : (
        <p>Start from the 2013 or the 2015 process, or load a process file (from the command line: <code>npm run sim -- export-process 2015 &gt; my-process.json</code>).</p>
      )}
    </section>
  );
}

/** A refused edit's message, beside the part of the editor that made it (nothing when there is none). */
function RefusalBox({ refusal }: { refusal: Refusal | null }) {
  if (!refusal) return null;
  return (
    <div className="error-summary lab-refusal" role="alert" data-lab-refusal={refusal.where}>
      <p className="error-summary-title">{refusal.title}</p>
      <ul>
        {refusal.problems.map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The chart's states as choices, by their labels. */
function StateOptions({ names, labelOf }: { names: readonly string[]; labelOf(state: string): string }) {
  return names.map((n) => (
    <option key={n} value={n}>
      {labelOf(n)}
    </option>
  ));
}

/** The roles as choices, by their labels. */
function RoleOptions() {
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {ROLE_LABELS[r]}
    </option>
  ));
}

function StartBar({ hasDraft, onStart, onLoad }: { hasDraft: boolean; onStart(name: '2013' | '2015'): void; onLoad(text: string | null, from: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    onLoad(f.size > FILE_LIMITS['process file'] ? null : await f.text(), `The file ${f.name}`);
  };
  return (
    <div className="lab-start button-row" role="group" aria-label="Start from">
      {PROCESS_NAMES.map((name) => (
        <button key={name} type="button" className="button button-secondary" onClick={() => onStart(name)} data-lab-start={name}>
          {hasDraft ? `Start again from ${name}` : `Start from ${name}`}
        </button>
      ))}
      <button type="button" className="button button-secondary" onClick={() => input.current?.click()}>
        Load a process file
      </button>
      <input ref={input} type="file" accept=".json,application/json" hidden tabIndex={-1} aria-label="Process file to load" onChange={(e) => void onFile(e)} data-lab-load />
    </div>
  );
}

function Toolbar({ history, onUndo, onRedo, onDiscard }: { history: History<ProcessFile>; onUndo(): void; onRedo(): void; onDiscard(): void }) {
  const [share, setShare] = useState<{ url?: string; error?: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const file = history.present;
  useEffect(() => setShare(null), [file]);
  const doShare = async () => {
    const base = `${window.location.origin}${window.location.pathname}${window.location.search}`;
    const r = await shareLink(processFileText(file), base);
    setShare('url' in r ? { url: r.url } : { error: r.error });
    if ('url' in r) void navigator.clipboard?.writeText(r.url).catch(() => {});
  };
  return (
    <div className="lab-toolbar">
      <div className="button-row" role="group" aria-label="Undo and redo">
        <button type="button" className="button button-secondary" onClick={onUndo} disabled={!canUndo(history)} aria-keyshortcuts="Control+Z" data-lab="undo">
          Undo
        </button>
        <button type="button" className="button button-secondary" onClick={onRedo} disabled={!canRedo(history)} aria-keyshortcuts="Control+Shift+Z" data-lab="redo">
          Redo
        </button>
      </div>
      <div className="button-row" role="group" aria-label="Keep the process">
        <button type="button" className="button" onClick={() => downloadText(processFileText(file), `${file.id}.json`, 'application/json')} data-lab="download">
          Download the process file
        </button>
        <button type="button" className="button button-secondary" onClick={() => void doShare()} data-lab="share">
          Share by a link
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button-warning" onClick={onDiscard} data-lab="discard-confirm">
              Yes, discard the draft
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)} data-lab="discard">
            Discard the draft
          </button>
        )}
      </div>
      {share?.url && (
        <p className="lab-share">
          <label htmlFor="lab-share-url">Link to this process (copied if the browser allows)</label>
          <input id="lab-share-url" readOnly value={share.url} onFocus={(e) => e.target.select()} />
        </p>
      )}
      {share?.error && (
        <p className="error-message" role="alert">
          {share.error}
        </p>
      )}
      {confirming && <p className="hint">Discarding forgets the draft and its undo steps in this browser. Download the file first to keep it.</p>}
    </div>
  );
}

/** What differs from the process the file came from: states and transitions added or removed, and who works where. */
function changesFrom(file: ProcessFile): string[] | null {
  if (!file.derivedFrom) return null;
  const base = shippedProcessFile(file.derivedFrom);
  const label = (f: ProcessFile, s: string | null) => (s === null ? 'stays' : ((f.chart.states[s]?.meta as { label?: string } | undefined)?.label ?? wordsOfName(s)));
  const key = (t: TransitionInfo) => JSON.stringify([t.state, t.event, t.target, t.guard, t.actions]);
  const says = (f: ProcessFile, t: TransitionInfo) => `${label(f, t.state)}, on "${eventLabel(t.event)}"${t.guard ? ` if ${guardWords(t.guard).toLowerCase()}` : ''}, to ${label(f, t.target)}`;
  const before = transitionsOf(base);
  const after = transitionsOf(file);
  const out: string[] = [];
  for (const s of Object.keys(file.chart.states)) if (!(s in base.chart.states)) out.push(`Added the state ${label(file, s)}`);
  for (const s of Object.keys(base.chart.states)) if (!(s in file.chart.states)) out.push(`Removed the state ${label(base, s)}`);
  const afterKeys = new Set(after.map(key));
  const beforeKeys = new Set(before.map(key));
  for (const t of before) if (!afterKeys.has(key(t))) out.push(`Removed: ${says(base, t)}`);
  for (const t of after) if (!beforeKeys.has(key(t))) out.push(`Added: ${says(file, t)}`);
  const role = (f: ProcessFile, s: string) => (f.chart.states[s]?.meta as { work?: { role?: string } } | undefined)?.work?.role;
  for (const s of Object.keys(file.chart.states)) {
    const was = role(base, s);
    const now = role(file, s);
    if (s in base.chart.states && was && now && was !== now) out.push(`${label(file, s)}: worked by ${ROLE_LABELS[now as Role] ?? now}, was ${ROLE_LABELS[was as Role] ?? was}`);
  }
  const clocksBefore = clocksOf(base);
  const clocksNow = clocksOf(file);
  for (const { field, label: what, unset } of CLOCK_INPUTS) {
    const was = clocksBefore[field];
    const now = clocksNow[field];
    const words = (x: number | undefined) => (x === undefined ? unset : `${x} working hours`);
    if (was !== now) out.push(`${what} ${words(now)}, was ${words(was)}`);
  }
  return out;
}

function Workbench({ file, apply, refusal }: { file: ProcessFile; apply(where: Where, r: Edited, said: string): boolean; refusal: Refusal | null }) {
  const machine = useMemo(() => processFromFile(file).machine, [file]);
  const chart = useChartLayout(machine);
  const states = useMemo(() => stateInfos(machine), [machine]);
  const [selected, setSelected] = useState<string>(file.chart.initial);
  const sel = selected in file.chart.states ? selected : file.chart.initial;
  const changes = useMemo(() => changesFrom(file), [file]);
  const labelOf = useCallback((s: string | null) => (s === null ? 'stays here' : (states.find((x) => x.name === s)?.label ?? wordsOfName(s))), [states]);
  /** The refusal of the last edit, for the panel that made it. */
  const at = (where: Where) => (refusal?.where === where ? refusal : null);

  return (
    <div className="lab-workbench">
      <div className="lab-chart">
        <h3>
          {file.name} <span className="hint">({file.id}{file.derivedFrom ? `, from the ${file.derivedFrom} process` : ''})</span>
        </h3>
        {chart.status === 'ready' ? (
          <StateDiagram id="lab-diagram" title={`The chart of ${file.name}`} layout={chart.layout} states={states} counts={null} selected={sel} caseAt={null} countFromLabel="" onSelect={setSelected} />
        ) : (
          <div className="diagram-placeholder" style={{ aspectRatio: `${chart.size.width} / ${chart.size.height}` }} role="img" aria-label={chart.status === 'error' ? `The chart could not be drawn: ${chart.message}` : 'Drawing the chart'} />
        )}
        <p id="lab-diagram-keys" className="hint diagram-keys">
          Hatched with a red outline: hidden from the weekly report. Dashed: no social worker yet. Select a state (arrow keys, then Enter) to change where its cases go.
        </p>
        {changes && (
          <details className="lab-changes" open={changes.length > 0 && changes.length <= 8}>
            <summary>
              {changes.length === 0 ? `No changes from the ${file.derivedFrom} process` : `${changes.length} change${changes.length === 1 ? '' : 's'} from the ${file.derivedFrom} process`}
            </summary>
            <ul data-lab-changes>
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="lab-controls">
        <TransitionsPanel file={file} state={sel} onState={setSelected} labelOf={labelOf} apply={apply} refusal={at('transitions')} />
        <AddStepPanel file={file} labelOf={labelOf} apply={apply} refusal={at('add')} />
        <DeciderPanel file={file} labelOf={labelOf} apply={apply} refusal={at('decider')} />
        <HoldPanel file={file} labelOf={labelOf} apply={apply} refusal={at('hold')} />
        <ClocksPanel file={file} apply={apply} refusal={at('clocks')} />
        <NamePanel file={file} apply={apply} refusal={at('name')} />
      </div>
    </div>
  );
}

interface PanelProps {
  file: ProcessFile;
  labelOf(state: string | null): string;
  apply(where: Where, r: Edited, said: string): boolean;
  refusal: Refusal | null;
}

function TransitionsPanel({ file, state, onState, labelOf, apply, refusal }: PanelProps & { state: string; onState(s: string): void }) {
  const guards = useMemo(() => guardNames(), []);
  const names = Object.keys(file.chart.states);
  const list = transitionsOf(file).filter((t) => t.state === state);
  const says = (t: TransitionInfo) => `on "${eventLabel(t.event)}"${t.guard ? `, if ${guardWords(t.guard).toLowerCase()}` : ''}, to ${labelOf(t.target)}`;
  return (
    <section className="lab-panel" aria-labelledby="lab-transitions-heading">
      <h3 id="lab-transitions-heading">Where cases go</h3>
      <p>
        <label htmlFor="lab-state">From the state</label>{' '}
        <select id="lab-state" value={state} onChange={(e) => onState(e.target.value)}>
          <StateOptions names={names} labelOf={labelOf} />
        </select>
      </p>
      <RefusalBox refusal={refusal} />
      {list.length === 0 ? (
        <p className="hint">No transitions: cases end here.</p>
      ) : (
        <ol className="lab-transitions">
          {list.map((t) => {
            const id = `lab-t-${t.state}-${t.event.replace(/\W/g, '_')}-${t.index}`;
            return (
              <li key={`${t.event}-${t.index}`} data-transition={`${t.state}|${t.event}|${t.index}`}>
                <p className="lab-transition-says" id={`${id}-says`}>
                  {`${eventLabel(t.event)}${t.guard ? `, if ${guardWords(t.guard).toLowerCase()}` : list.filter((x) => x.event === t.event).length > 1 ? ', otherwise' : ''}`}: <strong>{labelOf(t.target)}</strong>
                </p>
                <div className="lab-transition-controls">
                  {t.target !== null && (
                    <span>
                      <label htmlFor={`${id}-to`}>Go to</label>{' '}
                      <select
                        id={`${id}-to`}
                        value={t.target}
                        onChange={(e) => apply('transitions', redirectTransition(file, t, e.target.value), `Sent ${labelOf(t.state)} ${says(t)} to ${labelOf(e.target.value)} instead`)}
                      >
                        <StateOptions names={names} labelOf={labelOf} />
                      </select>
                    </span>
                  )}
                  <span>
                    <label htmlFor={`${id}-guard`}>Only if</label>{' '}
                    <select
                      id={`${id}-guard`}
                      value={t.guard ?? NO_GUARD}
                      onChange={(e) =>
                        apply('transitions', setGuard(file, t, e.target.value === NO_GUARD ? null : e.target.value), `Changed the condition of ${labelOf(t.state)} ${says(t)}`)
                      }
                    >
                      <option value={NO_GUARD}>(always)</option>
                      {guards.map((g) => (
                        <option key={g} value={g}>
                          {guardWords(g)}
                        </option>
                      ))}
                    </select>
                  </span>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-describedby={`${id}-says`}
                    onClick={() => {
                      // The button goes with its transition: keep the keyboard's place at the state chooser.
                      if (apply('transitions', removeTransition(file, t), `Removed ${labelOf(t.state)} ${says(t)}`)) document.getElementById('lab-state')?.focus();
                    }}
                    data-lab-remove
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function AddStepPanel({ file, labelOf, apply, refusal }: PanelProps) {
  const candidates = transitionsOf(file).filter((t) => t.target !== null);
  const [into, setInto] = useState(0);
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState('assumption: tried in the process lab');
  const [role, setRole] = useState<Role>('teamManager');
  const [activity, setActivity] = useState<Activity>('informationGathering');
  const name = stateNameFor(label || 'new step', Object.keys(file.chart.states));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = candidates[Math.min(into, candidates.length - 1)];
    if (!t) return;
    const added = apply('add', addState(file, { name, label: label.trim() || wordsOfName(name), description, source, role, activity, into: t }), `Added the step ${label.trim() || wordsOfName(name)} between ${labelOf(t.state)} and ${labelOf(t.target)}`);
    if (added) {
      setLabel('');
      setDescription('');
    }
  };
  return (
    <section className="lab-panel" aria-labelledby="lab-add-heading">
      <h3 id="lab-add-heading">Add a step</h3>
      <form onSubmit={submit} className="lab-form">
        <p>
          <label htmlFor="lab-add-into">Put it on the way</label>
          <select id="lab-add-into" value={into} onChange={(e) => setInto(Number(e.target.value))}>
            {candidates.map((t, i) => (
              <option key={`${t.state}-${t.event}-${t.index}`} value={i}>
                {`${labelOf(t.state)} to ${labelOf(t.target)} (${eventLabel(t.event).toLowerCase()}${t.guard ? `, if ${guardWords(t.guard).toLowerCase()}` : ''})`}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="lab-add-label">Name of the step</label>
          <input id="lab-add-label" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Manager review" aria-describedby="lab-add-name" />
          <span className="hint" id="lab-add-name">
            In the file: <code>{name}</code>
          </span>
        </p>
        <p>
          <label htmlFor="lab-add-description">What happens in it (a sentence)</label>
          <textarea id="lab-add-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </p>
        <p>
          <label htmlFor="lab-add-role">Who works it</label>
          <select id="lab-add-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <RoleOptions />
          </select>
        </p>
        <p>
          <label htmlFor="lab-add-activity">How long it takes: as long as</label>
          <select id="lab-add-activity" value={activity} onChange={(e) => setActivity(e.target.value as Activity)} aria-describedby="lab-add-activity-hint">
            {ACTIVITIES.map((a) => (
              <option key={a} value={a}>
                {`${ACTIVITY_LABELS[a]} (about ${DEFAULT_DURATIONS[a].meanWorkingHours} working hours)`}
              </option>
            ))}
          </select>
          <span className="hint" id="lab-add-activity-hint">
            The scenario gives each kind of work its duration; the figures shown are the defaults.
          </span>
        </p>
        <p>
          <label htmlFor="lab-add-source">Where it comes from</label>
          <input id="lab-add-source" value={source} onChange={(e) => setSource(e.target.value)} />
        </p>
        <RefusalBox refusal={refusal} />
        <button type="submit" className="button" data-lab="add-step">
          Add the step
        </button>
      </form>
    </section>
  );
}

function DeciderPanel({ file, labelOf, apply, refusal }: PanelProps) {
  const deciders = decisionStates(file);
  if (deciders.length === 0) return null;
  const roleOf = (s: string) => (file.chart.states[s].meta as { work: { role: string } }).work.role;
  return (
    <section className="lab-panel" aria-labelledby="lab-decider-heading">
      <h3 id="lab-decider-heading">Who decides</h3>
      {deciders.map((s) => (
        <p key={s}>
          <label htmlFor={`lab-decider-${s}`}>{labelOf(s)}</label>{' '}
          <select
            id={`lab-decider-${s}`}
            value={roleOf(s)}
            onChange={(e) => apply('decider', setDecider(file, s, e.target.value), `${labelOf(s)}: decided by ${ROLE_LABELS[e.target.value as Role] ?? e.target.value}`)}
          >
            <RoleOptions />
          </select>
        </p>
      ))}
      <RefusalBox refusal={refusal} />
    </section>
  );
}

function HoldPanel({ file, labelOf, apply, refusal }: PanelProps) {
  const holds = holdStates(file);
  if (holds.length === 0) return null;
  const on = holdIsOn(file);
  return (
    <section className="lab-panel" aria-labelledby="lab-hold-heading">
      <h3 id="lab-hold-heading">The hold</h3>
      <p className="lab-checkbox">
        <input id="lab-hold" type="checkbox" checked={on} onChange={(e) => apply('hold', setHold(file, e.target.checked), e.target.checked ? 'Switched the hold on' : 'Switched the hold off')} />{' '}
        <label htmlFor="lab-hold">Unclear contacts are held: {holds.map(labelOf).join(', ')}</label>
      </p>
      <p className="hint">Off: no contact goes into the hold; each takes the next way its event offers. On: the ways in that the {file.derivedFrom ?? 'original'} process had are put back.</p>
      <RefusalBox refusal={refusal} />
    </section>
  );
}

/** The clock inputs, in the order the panel shows them, with their words and bounds (bounds.ts `CHART_CLOCK_BOUNDS`). */
const CLOCK_INPUTS: readonly { field: ClockField; label: string; bound: { min: number; max: number }; unset: string }[] = [
  { field: 'decisionWithinWorkingHours', label: 'Decide within', bound: CHART_CLOCK_BOUNDS.decisionWithinWorkingHours, unset: 'one working day (9 working hours), the standard' },
  { field: 'escalateAfterWorkingHours', label: 'Escalate red and amber contacts after', bound: CHART_CLOCK_BOUNDS.escalateAfterWorkingHours, unset: 'the scenario\u2019s figure' },
  { field: 'escalateGreenAfterWorkingHours', label: 'Escalate green contacts after', bound: CHART_CLOCK_BOUNDS.escalateAfterWorkingHours, unset: 'the scenario\u2019s figure' },
];

type ClockTexts = Record<ClockField, string>;

const clockTexts = (file: ProcessFile): ClockTexts => {
  const c = clocksOf(file);
  const text = (x: number | undefined) => (x === undefined ? '' : String(x));
  return { decisionWithinWorkingHours: text(c.decisionWithinWorkingHours), escalateAfterWorkingHours: text(c.escalateAfterWorkingHours), escalateGreenAfterWorkingHours: text(c.escalateGreenAfterWorkingHours) };
};

/** A box's text as a clock: empty is "not set" (null); anything else a number (NaN when it is not one, which the check refuses by its rule). */
const clockValue = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/**
 * The chart's own decision clock and escalation points (root meta `clocks`), checked as they are
 * typed with the command line's own rule beside the box; set together (one undo step), kept in the
 * draft, the file and its link.
 */
function ClocksPanel({ file, apply, refusal }: Omit<PanelProps, 'labelOf'>) {
  const [texts, setTexts] = useState<ClockTexts>(() => clockTexts(file));
  const saved = useMemo(() => clockTexts(file), [file]);
  const savedKey = JSON.stringify(saved);
  // Undo, redo or another edit changes the file's clocks: the boxes show them.
  useEffect(() => setTexts(JSON.parse(savedKey) as ClockTexts), [savedKey]);
  const change = useMemo(() => Object.fromEntries(CLOCK_INPUTS.map(({ field }) => [field, clockValue(texts[field])])) as Record<ClockField, number | null>, [texts]);
  const preview = useMemo(() => setClocks(file, change), [file, change]);
  const problems = preview.ok ? [] : preview.problems;
  const problemOf = (field: ClockField) => problems.filter((p) => p.startsWith(`chart.meta.clocks.${field}:`));
  const others = problems.filter((p) => !CLOCK_INPUTS.some(({ field }) => p.startsWith(`chart.meta.clocks.${field}:`)));
  const dirty = CLOCK_INPUTS.some(({ field }) => texts[field].trim() !== saved[field]);
  const hasClocks = CLOCK_INPUTS.some(({ field }) => saved[field] !== '');
  const said = () =>
    CLOCK_INPUTS.map(({ field, label }) => `${label.toLowerCase()} ${change[field] === null ? '(not set)' : `${change[field]} working hours`}`).join('; ');
  return (
    <section className="lab-panel" aria-labelledby="lab-clock-heading">
      <h3 id="lab-clock-heading">The decision clock and the escalation points</h3>
      <p className="hint" id="lab-clock-help">
        Left empty, a clock is the standard&rsquo;s: a decision within one working day, and the scenario&rsquo;s escalation points (<code>escalateAfterWorkingHours</code>,{' '}
        <code>escalateGreenAfterWorkingHours</code>). Nine working hours are one working day. The figures (&ldquo;decided within one working day&rdquo; and the rest) are always measured
        against the standard one working day: a longer clock of the process&rsquo;s own notes fewer breaches on the case files and in the service&rsquo;s own count, while the children wait
        just as long. That is the lesson: a report can look better because the clock it keeps moved. Whether a state escalates at all is its &ldquo;
        {eventLabel('clock.escalationDue')}&rdquo; way out, under &ldquo;Where cases go&rdquo;.
      </p>
      <form
        className="lab-form"
        onSubmit={(e) => {
          e.preventDefault();
          apply('clocks', setClocks(file, change), `Set the clocks: ${said()}`);
        }}
        data-lab-clocks
      >
        {CLOCK_INPUTS.map(({ field, label, bound, unset }) => {
          const id = `lab-clock-${field}`;
          const mine = problemOf(field);
          return (
            <p key={field} className={mine.length ? 'lab-field-error' : undefined}>
              <label htmlFor={id}>{label} (working hours)</label>
              <span className="hint" id={`${id}-hint`}>
                {`${bound.min} to ${bound.max}${field === 'decisionWithinWorkingHours' ? '' : ', and earlier than the decision clock'}. Empty: ${unset}.`}
              </span>
              {mine.map((p) => (
                <span key={p} className="error-message" id={`${id}-error`} data-lab-clock-error={field}>
                  <code>{p}</code>
                </span>
              ))}
              <input
                id={id}
                // Text, not type="number": a number box reports what it cannot read ("4e", "1-") as
                // empty, which would read as "not set" while the typed text is still shown. Here
                // what is typed is what is checked, and what is not a number is refused by its rule.
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={texts[field]}
                placeholder={field === 'decisionWithinWorkingHours' ? '9' : ''}
                aria-invalid={mine.length > 0}
                aria-describedby={`${id}-hint${mine.length ? ` ${id}-error` : ''}`}
                onChange={(e) => setTexts((t) => ({ ...t, [field]: e.target.value }))}
                data-lab-clock={field}
              />
            </p>
          );
        })}
        {others.length > 0 && (
          <ul className="error-message">
            {others.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        )}
        <RefusalBox refusal={refusal} />
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={!dirty} data-lab="set-clocks">
            Set the clocks
          </button>
          <button type="button" className="button button-secondary" disabled={!hasClocks} onClick={() => apply('clocks', clearClocks(file), 'Back to the standard clocks')} data-lab="clear-clocks">
            Back to the standard clocks
          </button>
        </div>
      </form>
    </section>
  );
}

function NamePanel({ file, apply, refusal }: Omit<PanelProps, 'labelOf'>) {
  const [id, setId] = useState(file.id);
  const [name, setName] = useState(file.name);
  const [description, setDescription] = useState(file.description);
  useEffect(() => {
    setId(file.id);
    setName(file.name);
    setDescription(file.description);
  }, [file.id, file.name, file.description]);
  return (
    <section className="lab-panel" aria-labelledby="lab-name-heading">
      <h3 id="lab-name-heading">Name the process</h3>
      <form
        className="lab-form"
        onSubmit={(e) => {
          e.preventDefault();
          apply('name', rename(file, { id, name, description }), `Named the process ${name}`);
        }}
      >
        <p>
          <label htmlFor="lab-name-id">Short name (in figures and file names)</label>
          <input id="lab-name-id" value={id} onChange={(e) => setId(e.target.value)} />
        </p>
        <p>
          <label htmlFor="lab-name-name">Name</label>
          <input id="lab-name-name" value={name} onChange={(e) => setName(e.target.value)} />
        </p>
        <p>
          <label htmlFor="lab-name-description">What it is (its description in the file)</label>
          <textarea id="lab-name-description" rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />
        </p>
        <RefusalBox refusal={refusal} />
        <button type="submit" className="button button-secondary">
          Save the name
        </button>
      </form>
    </section>
  );
}

/**
 * Choose what to run: a shipped scenario or a file, its main figures in a form, and the seed.
 * Problems show beside the field they name (GOV.UK error pattern: a summary at the top that
 * links to each field, and a message at the field); what was typed stays as typed.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../ErrorSummary';
import { SHIPPED } from '../scenarios';
import { Help, Term } from './Term';
import { FIELDS, GROUP_KEYS, levelMixSum, type FieldDef } from './scenarioForm';
import { useReplay, useStore } from './useReplay';

export function ScenarioPanel() {
  const store = useStore();
  const source = useReplay((s) => s.source);
  const loadedFile = useReplay((s) => s.loadedFile);
  const seedText = useReplay((s) => s.seedText);
  const seedError = useReplay((s) => s.seedError);
  const fileError = useReplay((s) => s.fileError);
  const linkNotice = useReplay((s) => s.linkNotice);
  const applied = useReplay((s) => s.applied);
  const running = useReplay((s) => s.run?.status === 'running');
  const formErrors = useReplay((s) => s.formErrors);
  const formOther = useReplay((s) => s.formOther);
  const [formOpen, setFormOpen] = useState(false);
  const showForm = formOpen || Object.keys(formErrors).length > 0 || formOther.length > 0;
  const edited = applied && Object.keys(applied.patch).length > 0;
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    // The size first: a file larger than a scenario can be is refused unread (core/bounds.ts FILE_LIMITS).
    if (store.checkFileSize(file.name, file.size)) store.loadFile(file.name, await file.text());
    if (fileInput.current) fileInput.current.value = '';
  };

  const onSeed = (e: FormEvent) => {
    e.preventDefault();
    store.submitSeed();
  };

  const selectValue = source.kind === 'shipped' ? source.key : 'file';
  return (
    <section aria-labelledby="scenario-heading" className="scenario-bar">
      <h2 id="scenario-heading" className="visually-hidden">
        Scenario and seed
      </h2>
      <div className="bar-row">
        <div className="field-inline">
          <label htmlFor="scenario-select">Scenario</label>
          <select id="scenario-select" value={selectValue} onChange={(e) => store.selectScenario(e.target.value)}>
            {SHIPPED.map((s) => (
              <option key={s.key} value={s.key}>
                {s.scenario.name}
              </option>
            ))}
            {loadedFile && <option value="file">From file: {loadedFile.name}</option>}
          </select>
        </div>
        <form className="field-inline" onSubmit={onSeed} noValidate>
          <label htmlFor="seed-input">
            <Term id="seed">Seed</Term>
          </label>
          <input
            id="seed-input"
            className={`input-seed${seedError ? ' input-error' : ''}`}
            value={seedText}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={seedError ? true : undefined}
            aria-describedby={seedError ? 'seed-error' : undefined}
            onChange={(e) => store.setSeedText(e.target.value)}
          />
          <button type="submit" className="button button-secondary">
            Run this seed
          </button>
          <button type="button" className="button button-secondary" onClick={() => store.newSeed()}>
            New seed
          </button>
          {seedError && (
            <p id="seed-error" className="error-message" role="alert">
              <span className="visually-hidden">Error:</span> {seedError}
            </p>
          )}
        </form>
        <div className="field-inline">
          <input
            ref={fileInput}
            id="scenario-file"
            type="file"
            accept=".json,application/json"
            className="file-input"
            aria-describedby={fileError ? 'file-error' : undefined}
            onChange={(e) => void onFile(e.target.files)}
          />
          <label htmlFor="scenario-file" className="button button-secondary file-label">
            Load a file
          </label>
        </div>
        <button type="button" className="button button-secondary" aria-expanded={showForm} aria-controls={showForm ? 'scenario-form' : undefined} onClick={() => setFormOpen(!showForm)}>
          {showForm ? 'Hide the figures' : 'Change the figures'}
          {edited ? ' (changed)' : ''}
        </button>
        {running && <span className="hint">Running&hellip;</span>}
      </div>
      {linkNotice && (
        <div className="link-notice" role="alert" data-link-notice="">
          <p>{linkNotice}</p>
          <button type="button" className="button button-secondary" onClick={() => store.dismissLinkNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {fileError && (
        <div id="file-error" className="error-summary" role="alert" aria-labelledby="file-error-title" tabIndex={-1}>
          <h3 id="file-error-title" className="error-summary-title">
            The file &ldquo;{fileError.name}&rdquo; cannot be used
          </h3>
          <ul>
            {fileError.issues.map((i, n) => (
              <li key={n} data-field={i.field}>
                <code>{i.field}</code> {i.rule}
              </li>
            ))}
          </ul>
          <p className="hint">Nothing has changed: the page still shows {applied ? `\u201c${applied.scenario.name}\u201d` : 'the previous scenario'}.</p>
          <button type="button" className="button button-secondary" onClick={() => store.dismissFileError()}>
            Dismiss
          </button>
        </div>
      )}
      {showForm && <ScenarioForm />}
    </section>
  );
}

function ScenarioForm() {
  const store = useStore();
  const form = useReplay((s) => s.form);
  const errors = useReplay((s) => s.formErrors);
  const other = useReplay((s) => s.formOther);
  const errorKeys = Object.keys(errors);
  const summaryRef = useRef<HTMLDivElement>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const ok = store.submitForm();
    if (!ok) requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const sum = levelMixSum(form);
  const field = (f: FieldDef) => <NumberField key={f.key} def={f} value={form[f.key] ?? ''} error={errors[f.key]} onChange={(v) => store.setField(f.key, v)} />;
  return (
    <div className="scenario-form" id="scenario-form">
      <form onSubmit={onSubmit} noValidate aria-label="The scenario's main figures">
        <ErrorSummary
          ref={summaryRef}
          titleId="form-error-title"
          items={[
            ...errorKeys.map((k) => ({ key: k, message: errors[k], fieldId: `field-${cssId(k === GROUP_KEYS.levelMix ? 'levelMix.1' : k)}` })),
            ...other.map((i, n) => ({ key: `o${n}`, message: (<><code>{i.field}</code> {i.rule}</>) })),
          ]}
        />
        <div className="form-grid">
          <fieldset>
            <legend>Demand</legend>
            {FIELDS.filter((f) => f.group === 'demand').map(field)}
          </fieldset>
          <fieldset className={errors[GROUP_KEYS.levelMix] ? 'group-error' : undefined} aria-describedby="levelmix-hint levelmix-sum">
            <legend>
              Level mix <Help label="the level mix">The share of contacts at each level of need on the continuum (levels 1 to 4). The four shares must add up to 1.</Help>
            </legend>
            <p id="levelmix-hint" className="hint">
              Shares of contacts, from 0 to 1; they must add up to 1.
            </p>
            {errors[GROUP_KEYS.levelMix] && (
              <p className="error-message" id="levelmix-error">
                <span className="visually-hidden">Error:</span> {errors[GROUP_KEYS.levelMix]}
              </p>
            )}
            {FIELDS.filter((f) => f.group === 'levelMix').map(field)}
            <p id="levelmix-sum" className="hint" aria-live="polite">
              {sum === null ? 'The shares do not all read as numbers yet.' : sum === 1 ? 'They add up to 1.' : `They add up to ${sum}; they must add up to 1.`}
            </p>
          </fieldset>
          <fieldset className="staff">
            <legend>Staffing</legend>
            <p className="hint">People in each role, and how many cases each holds at once (1 for desk work such as screening).</p>
            <div className="staff-grid">{FIELDS.filter((f) => f.group === 'staff').map(field)}</div>
          </fieldset>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            Run with these figures
          </button>
          <button type="button" className="button button-secondary" onClick={() => store.resetForm()}>
            Put back the scenario&rsquo;s figures
          </button>
        </div>
      </form>
    </div>
  );
}

function cssId(key: string): string {
  return key.replace(/\./g, '-');
}

function NumberField({ def, value, error, onChange }: { def: FieldDef; value: string; error?: string; onChange: (v: string) => void }) {
  const id = `field-${cssId(def.key)}`;
  const describedBy = [def.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group-error' : ''}`} data-field={def.key}>
      <label htmlFor={id}>{def.label}</label>
      {def.hint && (
        <p id={`${id}-hint`} className="hint">
          {def.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        id={id}
        name={def.key}
        className={`input-number${error ? ' input-error' : ''}`}
        inputMode={def.integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}


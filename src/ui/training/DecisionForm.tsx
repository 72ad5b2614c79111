/** The learner's threshold decision: the level, a response of that level, and a rationale. */
import { useRef, useState, type FormEvent } from 'react';
import { LEVELS, LEVEL_INFO, type Level } from '../../core/levels';
import { responsesFor, validateDecision, type FieldIssue, type ResponseId } from '../../core/training';
import { ErrorSummary } from '../ErrorSummary';

interface Props {
  escalated: boolean;
  onDecide: (level: Level, response: ResponseId, rationale: string) => void;
}

export function DecisionForm({ escalated, onDecide }: Props) {
  const [level, setLevel] = useState<Level | null>(null);
  const [response, setResponse] = useState<ResponseId | null>(null);
  const [rationale, setRationale] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const options = level ? responsesFor(level) : [];

  const chooseLevel = (l: Level) => {
    setLevel(l);
    const opts = responsesFor(l);
    // One response at this level: choose it. Otherwise keep a response only if it still fits.
    setResponse((r) => (opts.length === 1 ? opts[0].id : opts.some((o) => o.id === r) ? r : null));
  };

  const idFor = (field: string) => {
    if (field === 'level') return 'tr-level-1';
    if (field === 'response') return level ? `tr-response-${responsesFor(level)[0].id}` : 'tr-level-1';
    return 'tr-rationale';
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateDecision({ level, response, rationale });
    setIssues(found);
    if (found.length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    onDecide(level!, response!, rationale);
  };

  const errorFor = (field: string) => issues.find((i) => i.field === field)?.rule;

  return (
    <form className="tr-decision-form" onSubmit={submit} noValidate>
      <ErrorSummary ref={summaryRef} titleId="tr-decision-error-title" items={issues.map((i) => ({ key: `${i.field}:${i.rule}`, message: i.rule, fieldId: idFor(i.field) }))} />
      {escalated && (
        <p className="tr-escalated-note">
          <strong>Escalated:</strong> the one-working-day clock is close to running out, so you decide now, as the manager, on what is known.
        </p>
      )}
      <fieldset className={`form-group${errorFor('level') ? ' form-group-error' : ''}`}>
        <legend className="tr-legend-small">Level of need</legend>
        {errorFor('level') && <p className="error-message">Error: {errorFor('level')}</p>}
        <div className="tr-radios tr-radios-levels">
          {LEVELS.map((l) => (
            <div className="tr-radio" key={l}>
              <input type="radio" id={`tr-level-${l}`} name="tr-level" value={l} checked={level === l} onChange={() => chooseLevel(l)} />
              <label htmlFor={`tr-level-${l}`}>
                <span className={`tr-swatch tr-swatch-${l}`} aria-hidden="true" />
                Level {l}: {LEVEL_INFO[l].name}
                <span className="tr-radio-hint">{LEVEL_INFO[l].responseText}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className={`form-group${errorFor('response') ? ' form-group-error' : ''}`}>
        <legend className="tr-legend-small">Response</legend>
        {errorFor('response') && <p className="error-message">Error: {errorFor('response')}</p>}
        {level === null ? (
          <p className="hint">Choose a level first; the responses for it appear here.</p>
        ) : (
          <div className="tr-radios">
            {options.map((o) => (
              <div className="tr-radio" key={o.id}>
                <input type="radio" id={`tr-response-${o.id}`} name="tr-response" value={o.id} checked={response === o.id} onChange={() => setResponse(o.id)} />
                <label htmlFor={`tr-response-${o.id}`}>{o.text}</label>
              </div>
            ))}
          </div>
        )}
      </fieldset>
      <div className={`form-group${errorFor('rationale') ? ' form-group-error' : ''}`}>
        <label htmlFor="tr-rationale">Your rationale</label>
        <p className="hint" id="tr-rationale-hint">
          A few sentences: what in the contact decides the level, and why not the level either side. It is recorded with the decision.
        </p>
        {errorFor('rationale') && <p className="error-message">Error: {errorFor('rationale')}</p>}
        <textarea
          id="tr-rationale"
          className={`tr-textarea${errorFor('rationale') ? ' input-error' : ''}`}
          rows={3}
          value={rationale}
          aria-describedby="tr-rationale-hint"
          onChange={(e) => setRationale(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Record the decision
      </button>
    </form>
  );
}

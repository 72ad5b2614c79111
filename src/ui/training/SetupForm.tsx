/** The trainer's settings for a shift: seed, rules, number of contacts; and the learner's name. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { SHIFT_DEFAULTS, SHIFT_LIMITS, SHIFT_MIXES, mixPool, validateConfig, type FieldIssue, type LibraryLoad, type Rules, type ShiftConfig, type ShiftMix } from '../../core/training';
import { ErrorSummary } from '../ErrorSummary';

export function SetupForm({ library, onStart }: { library: LibraryLoad; onStart: (config: ShiftConfig, learner: string) => void }) {
  const [learner, setLearner] = useState('');
  const [seed, setSeed] = useState('class-1');
  const [rules, setRules] = useState<Rules>('2015');
  const [count, setCount] = useState(String(SHIFT_DEFAULTS.count));
  const [mix, setMix] = useState<ShiftMix>('balanced');
  const [limit, setLimit] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const size = mixPool(library.vignettes, mix).length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = /^\s*\d+\s*$/.test(count) ? Number(count) : Number.NaN;
    const limitText = limit.trim();
    const limitMinutes = limitText === '' ? undefined : /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
    const config: ShiftConfig = { seed: seed.trim(), rules, count: n, mix, ...(limitMinutes === undefined ? {} : { timeLimitMinutes: limitMinutes }) };
    const found = validateConfig(config, library.vignettes);
    if (learner.length > 80) found.push({ field: 'learner', rule: 'Your name must be 80 characters or fewer.' });
    setIssues(found);
    if (found.length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    onStart(config, learner.trim());
  };

  const errorFor = (field: string) => issues.find((i) => i.field === field)?.rule;
  const fieldId = (field: string) => `${id}-${field}`;

  return (
    <form className="tr-setup" onSubmit={submit} noValidate>
      <ErrorSummary
        ref={summaryRef}
        titleId={fieldId('error-title')}
        items={issues.map((i) => ({ key: `${i.field}:${i.rule}`, message: i.rule, fieldId: i.field === 'rules' ? `${fieldId('rules')}-2013` : fieldId(i.field) }))}
      />
      <div className="tr-setup-grid">
        <div>
          <h3>For the learner</h3>
          <div className={`form-group${errorFor('learner') ? ' form-group-error' : ''}`}>
            <label htmlFor={fieldId('learner')}>Your name or initials (optional)</label>
            <p className="hint" id={`${fieldId('learner')}-hint`}>
              It goes in your results file, so your trainer can tell the files apart.
            </p>
            {errorFor('learner') && <p className="error-message">Error: {errorFor('learner')}</p>}
            <input id={fieldId('learner')} className="tr-input-wide" value={learner} autoComplete="off" aria-describedby={`${fieldId('learner')}-hint`} onChange={(e) => setLearner(e.target.value)} />
          </div>
          <h3>How the shift works</h3>
          <ul className="tr-list">
            <li>The shift starts on a Monday at 08:00. Some contacts arrived overnight or on Friday afternoon; more arrive during the day.</li>
            <li>
              Reading a contact for the first time takes {SHIFT_DEFAULTS.minutes.read} minutes, asking for information{' '}
              {SHIFT_DEFAULTS.minutes.request} minutes (the answer comes back later), and deciding {SHIFT_DEFAULTS.minutes.decide} minutes.
            </li>
            <li>Each contact should be decided within one working day of arriving. The SPA is open 08:00 to 17:15 (17:00 on Fridays).</li>
            <li>Use &ldquo;Wait until the next thing happens&rdquo; to move the clock on to the next arrival, answer or deadline.</li>
          </ul>
        </div>
        <div>
          <h3>For the trainer</h3>
          <div className={`form-group${errorFor('seed') ? ' form-group-error' : ''}`}>
            <label htmlFor={fieldId('seed')}>Seed</label>
            <p className="hint" id={`${fieldId('seed')}-hint`}>
              Any word or number. Everyone with the same seed, rules, number and mix gets the same contacts.
            </p>
            {errorFor('seed') && <p className="error-message">Error: {errorFor('seed')}</p>}
            <input id={fieldId('seed')} className={`tr-input-seed${errorFor('seed') ? ' input-error' : ''}`} value={seed} autoComplete="off" aria-describedby={`${fieldId('seed')}-hint`} onChange={(e) => setSeed(e.target.value)} />
          </div>
          <fieldset className={`form-group${errorFor('rules') ? ' form-group-error' : ''}`} aria-describedby={`${fieldId('rules')}-hint`}>
            <legend className="tr-legend-small">Rules</legend>
            <p className="hint" id={`${fieldId('rules')}-hint`}>
              Which front door the learner works in. The statechart of that year decides what they may do.
            </p>
            {errorFor('rules') && <p className="error-message">Error: {errorFor('rules')}</p>}
            <div className="tr-radios">
              <div className="tr-radio">
                <input type="radio" id={`${fieldId('rules')}-2013`} name={fieldId('rules')} value="2013" checked={rules === '2013'} onChange={() => setRules('2013')} />
                <label htmlFor={`${fieldId('rules')}-2013`}>
                  2013, as the inspectors found it
                  <span className="tr-radio-hint">
                    Asking for information hands the contact to a case coordinator, who gathers it by phone (slowly). Meanwhile the weekly
                    report records it as &ldquo;provision of advice and information&rdquo;. Nothing escalates it (004 ¶20, ¶38).
                  </span>
                </label>
              </div>
              <div className="tr-radio">
                <input type="radio" id={`${fieldId('rules')}-2015`} name={fieldId('rules')} value="2015" checked={rules === '2015'} onChange={() => setRules('2015')} />
                <label htmlFor={`${fieldId('rules')}-2015`}>
                  2015, after the changes
                  <span className="tr-radio-hint">
                    A qualified worker (or CAMHS, for mental health) gathers information, visibly awaiting a decision. After{' '}
                    {SHIFT_DEFAULTS.escalateAfterWorkingHours} working hours a contact escalates to a manager who decides on what is known (000, 002).
                  </span>
                </label>
              </div>
            </div>
          </fieldset>
          <div className={`form-group${errorFor('count') ? ' form-group-error' : ''}`}>
            <label htmlFor={fieldId('count')}>Number of contacts</label>
            <p className="hint" id={`${fieldId('count')}-hint`}>
              From 1 to {size}{size < library.vignettes.length ? ' for this mix' : ''}. Eight makes a shift of about an hour.
            </p>
            {errorFor('count') && <p className="error-message">Error: {errorFor('count')}</p>}
            <input id={fieldId('count')} className={`input-number${errorFor('count') ? ' input-error' : ''}`} inputMode="numeric" value={count} autoComplete="off" aria-describedby={`${fieldId('count')}-hint`} onChange={(e) => setCount(e.target.value)} />
          </div>
          <div className={`form-group${errorFor('mix') ? ' form-group-error' : ''}`}>
            <label htmlFor={fieldId('mix')}>Mix of contacts</label>
            <p className="hint" id={`${fieldId('mix')}-hint`}>
              Which contacts the shift draws from (the number each mix has is in brackets). The shift is spread over the levels of need and the hard boundaries, so everyone with the same
              seed and mix gets the same mix of contacts.
            </p>
            {errorFor('mix') && <p className="error-message">Error: {errorFor('mix')}</p>}
            <select id={fieldId('mix')} className="tr-input-wide" value={mix} aria-describedby={`${fieldId('mix')}-hint`} onChange={(e) => setMix(e.target.value as ShiftMix)}>
              {SHIFT_MIXES.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.text} ({mixPool(library.vignettes, m.id).length})
                </option>
              ))}
            </select>
          </div>
          <div className={`form-group${errorFor('timeLimitMinutes') ? ' form-group-error' : ''}`}>
            <label htmlFor={fieldId('timeLimitMinutes')}>Time limit in minutes (optional)</label>
            <p className="hint" id={`${fieldId('timeLimitMinutes')}-hint`}>
              For an assessment day: real minutes, from 1 to {SHIFT_LIMITS.timeLimitMinutes}. When they run out the shift ends and the debrief
              opens. Leave empty for no limit.
            </p>
            {errorFor('timeLimitMinutes') && <p className="error-message">Error: {errorFor('timeLimitMinutes')}</p>}
            <input
              id={fieldId('timeLimitMinutes')}
              className={`input-number${errorFor('timeLimitMinutes') ? ' input-error' : ''}`}
              inputMode="numeric"
              value={limit}
              autoComplete="off"
              aria-describedby={`${fieldId('timeLimitMinutes')}-hint`}
              onChange={(e) => setLimit(e.target.value)}
            />
          </div>
        </div>
      </div>
      {library.errors.length > 0 && (
        <div className="tr-warning" role="note">
          <h3>Some vignette files could not be used</h3>
          <p>These files in scenarios/training are left out of the shift until they are fixed:</p>
          <ul>
            {library.errors.map((e, i) => (
              <li key={i}>
                <strong>{e.file}</strong>: {e.issues.map((x) => `${x.field}: ${x.rule}`).join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button">
          Start the shift
        </button>
        <a href="#/threshold" className="tr-link-inline">
          Explore the threshold first
        </a>
      </div>
    </form>
  );
}

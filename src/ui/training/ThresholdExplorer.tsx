/**
 * Teaching the threshold: choose indicators (and the child's age, or a disability), see the level
 * they point to and the response it leads to in each process, with the caveat that a threshold
 * is a judgement on the whole picture. The rules are the core's `suggestLevel`, which encodes only
 * what DOMAIN.md states.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { AGE_BANDS, LEVELS, LEVEL_INFO, indicatorConflicts, indicatorsAt, suggestLevel, type AgeBand, type Level } from '../../core/levels';
import { routeForLevel } from '../../core/training';
import { LIBRARY } from './library';
import { loadPreset, savePreset, type ExplorerPreset } from './session';
import './training.css';

const AGE_TEXT: Record<AgeBand, string> = {
  unborn: 'Unborn (a pre-birth concern)',
  under1: 'A baby, under 1',
  '1-4': '1 to 4',
  '5-11': '5 to 11',
  '12-15': '12 to 15',
  '16-17': '16 or 17',
};

export function ThresholdExplorer() {
  // The debrief can send a contact's indicators here (its link sets them in the session).
  const [preset, setPreset] = useState<ExplorerPreset | null>(() => loadPreset());
  const [selected, setSelected] = useState<string[]>(() => preset?.indicators ?? []);
  const [ageBand, setAgeBand] = useState<AgeBand | ''>(() => preset?.ageBand ?? '');
  const [disabled, setDisabled] = useState<boolean>(() => preset?.disabled ?? false);
  const id = useId();
  useEffect(() => savePreset(null), []);

  const result = useMemo(() => suggestLevel(selected, { ageBand: ageBand || undefined, disabled }), [selected, ageBand, disabled]);
  const conflicts = useMemo(() => indicatorConflicts(selected, { ageBand: ageBand || undefined }), [selected, ageBand]);
  const level = result.level;
  const examples = LIBRARY.vignettes.filter((v) => v.reference.level === level);

  const toggle = (indicatorId: string, on: boolean) => setSelected((s) => (on ? [...s, indicatorId] : s.filter((x) => x !== indicatorId)));
  const clear = () => {
    setSelected([]);
    setAgeBand('');
    setDisabled(false);
    setPreset(null);
  };

  return (
    <section className="tr tr-explorer" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Threshold explorer: the continuum of need</h2>
      <p className="tr-lede">
        Tick what you know about a child. The explorer shows the level those indicators point to, the response that level leads to, and where it
        sends the contact in the 2013 and 2015 front doors. <a href="#/training">Back to training</a>
      </p>
      <div className="tr-caveat">
        <p>
          <strong>A threshold is a judgement on the whole picture, not a checklist.</strong> This explorer applies only the two rules that the
          project&rsquo;s domain notes state: several level-2 indicators together can make level 3, and a baby or a disabled child raises concern.
          Real decisions weigh history, protective factors, what professionals see against what parents say, and the child&rsquo;s own voice.
        </p>
        <p className="tr-sources">
          Sources: DOMAIN.md, the continuum of need (the indicators are illustrations written for this project, not a published threshold document);
          004 ¶37 (in 2013 partners&rsquo; understanding of thresholds was &ldquo;not yet sufficiently embedded&rdquo;); 002 (by 2019 thresholds were
          &ldquo;clearly understood by staff and partner agencies and applied consistently&rdquo;).
        </p>
      </div>
      {preset && (
        <p className="tr-preset" role="status">
          Showing the indicators of the reference answer for &ldquo;{preset.title}&rdquo;, from your debrief.
        </p>
      )}

      <div className="tr-explorer-grid">
        <form className="tr-explorer-form" onSubmit={(e) => e.preventDefault()}>
          {LEVELS.map((l) => (
            <fieldset key={l} className={`tr-ind-group tr-ind-${l}`}>
              <legend>
                <span className={`tr-swatch tr-swatch-${l}`} aria-hidden="true" />
                Level {l}: {LEVEL_INFO[l].name}
              </legend>
              <div className="tr-checks">
                {indicatorsAt(l).map((ind) => (
                  <div className="tr-check" key={ind.id}>
                    <input type="checkbox" id={`${id}-${ind.id}`} checked={selected.includes(ind.id)} onChange={(e) => toggle(ind.id, e.target.checked)} />
                    <label htmlFor={`${id}-${ind.id}`}>{ind.text.charAt(0).toUpperCase() + ind.text.slice(1)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
          <fieldset className="tr-ind-group">
            <legend>About the child</legend>
            <div className="form-group">
              <label htmlFor={`${id}-age`}>Age</label>
              <select id={`${id}-age`} value={ageBand} onChange={(e) => setAgeBand(e.target.value as AgeBand | '')}>
                <option value="">Not given</option>
                {AGE_BANDS.map((a) => (
                  <option key={a} value={a}>
                    {AGE_TEXT[a]}
                  </option>
                ))}
              </select>
            </div>
            <div className="tr-check">
              <input type="checkbox" id={`${id}-disabled`} checked={disabled} onChange={(e) => setDisabled(e.target.checked)} />
              <label htmlFor={`${id}-disabled`}>The child is disabled</label>
            </div>
          </fieldset>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={clear}>
              Clear everything
            </button>
          </div>
        </form>

        <div className="tr-explorer-result">
          <div aria-live="polite" aria-atomic="true" className="tr-result-live">
            <h3 className="tr-result-title">
              {selected.length === 0 && !disabled && !ageBand ? 'Nothing ticked yet: ' : 'These point to '}
              level {level}, {LEVEL_INFO[level].name}
            </h3>
            <p>
              <strong>Response:</strong> {LEVEL_INFO[level].responseText}.
            </p>
          </div>
          <div className="tr-conflicts" aria-live="polite">
            {conflicts.length > 0 && (
              <>
                <h4>Check the picture</h4>
                <ul className="tr-list">
                  {conflicts.map((c) => (
                    <li key={c.text}>{c.text}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <Continuum level={level} />
          <h4>Why</h4>
          <ul className="tr-list">
            {result.reasons.map((r) => (
              <li key={r}>{r.charAt(0).toUpperCase() + r.slice(1)}.</li>
            ))}
          </ul>
          <h4>Where a level-{level} decision sends the contact</h4>
          <dl className="tr-routes">
            {(['2013', '2015'] as const).map((rules) => (
              <div key={rules}>
                <dt>In {rules}</dt>
                <dd>{routeForLevel(rules, level).map((s) => s.text).join(', then ')}.</dd>
              </div>
            ))}
          </dl>
          {examples.length > 0 && (
            <>
              <h4>To practise: training contacts whose reference is level {level}</h4>
              <ul className="tr-list tr-examples">
                {examples.slice(0, 8).map((v) => (
                  <li key={v.id}>{v.title}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

/** The four levels in a row; the one pointed to is marked with words and a thick border, not only colour. */
function Continuum({ level }: { level: Level }) {
  return (
    <ol className="tr-continuum" aria-label="The continuum of need">
      {LEVELS.map((l) => (
        <li key={l} className={`tr-cont tr-cont-${l}${l === level ? ' tr-cont-here' : ''}`} aria-current={l === level ? 'true' : undefined}>
          <span className="tr-cont-level">Level {l}</span>
          <span className="tr-cont-name">{LEVEL_INFO[l].name}</span>
          {l === level && <span className="tr-cont-mark">Points here</span>}
        </li>
      ))}
    </ol>
  );
}

/**
 * The debrief: the learner's figures, each contact's path through the statechart, what happened
 * next for the child, the reference answer with its sources, and exports (JSON, CSV).
 */
import { useEffect, useMemo, useRef } from 'react';
import {
  WEIGHTS,
  describeStep,
  describeTime,
  learnerResults,
  resultsToCsv,
  resultsToJson,
  shortTime,
  stateText,
  factsOfState,
  whatHappenedNext,
  type CaseResult,
  type ShiftCase,
  type ShiftState,
} from '../../core/training';
import { ClassResults } from './ClassResults';
import { LmsPanel } from './lms';
import { download, fileSlug } from './download';
import { savePreset } from './session';
import { CALL_TEXT, levelText, responseText } from './words';

interface Props {
  state: ShiftState;
  learner: string;
  /** Wall-clock epoch milliseconds (SavedShift), for the time taken that an LMS is told. */
  startedAt?: number;
  endedAt?: number;
  onNewShift: () => void;
}

export function Debrief({ state, learner, startedAt, endedAt, onNewShift }: Props) {
  const results = useMemo(() => learnerResults(state, learner), [state, learner]);
  const s = results.score;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const heldAtEnd = state.cases.filter((c) => !c.decision && factsOfState(state.settings.rules, c.state).hold).length;
  const base = `training-results-${fileSlug(learner || 'learner')}-${fileSlug(state.settings.seed)}-${state.settings.rules}`;

  const figures: { key: string; label: string; value: string; note?: string }[] = [
    { key: 'agree', label: 'Agreed with the reference level', value: `${s.agree} of ${s.contacts}` },
    { key: 'over', label: 'Too high (over-thresholded)', value: String(s.over) },
    {
      key: 'under',
      label: 'Too low (under-thresholded)',
      value: String(s.under),
      note: s.underLevel4 > 0 ? `${s.underLevel4} of them ${s.underLevel4 === 1 ? 'was a child' : 'were children'} at level 4` : undefined,
    },
    { key: 'timely', label: 'Decided within one working day', value: String(s.timely) },
    { key: 'late', label: 'Decided late', value: String(s.late) },
    {
      key: 'undecided',
      label: 'Left undecided',
      value: String(s.undecided),
      note: heldAtEnd > 0 ? `${heldAtEnd} still held by a case coordinator, reported as \u201cadvice and information\u201d` : undefined,
    },
    { key: 'response', label: 'Same response as the reference', value: `${s.responseAgree} of ${s.contacts}` },
    { key: 'points', label: 'Penalty points', value: `${s.points} of ${s.maxPoints}` },
  ];

  return (
    <>
      <section className="tr-debrief" aria-labelledby="tr-debrief-heading">
        <h2 id="tr-debrief-heading" ref={headingRef} tabIndex={-1}>
          Debrief
        </h2>
        <p className="tr-lede">
          {learner ? `${learner}: a` : 'A'} shift of {state.cases.length} contacts under the {state.settings.rules} rules, seed &ldquo;{state.settings.seed}&rdquo;.
          {state.endedAt !== null && ` The shift ended ${describeTime(state.endedAt)}.`}
        </p>
        <div className="tr-score">
          <p className="tr-score-big" data-figure="score">
            <span className="tr-score-number">{s.score}</span> out of 100
          </p>
          <dl className="tr-figures">
            {figures.map((f) => (
              <div key={f.key} data-figure={f.key} className={`tr-figure tr-figure-${f.key}`}>
                <dt>{f.label}</dt>
                <dd>
                  {f.value}
                  {f.note && <span className="tr-figure-note">{f.note}</span>}
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <details className="tr-how">
          <summary>How the score works</summary>
          <table className="table">
            <caption className="visually-hidden">Penalty points per contact</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Points
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>Too high, per level</td>
                <td className="num">{WEIGHTS.over}</td>
                <td>Intrusive for the family and it uses social work time (004 ¶20, ¶30), but an assessment finds it out and steps the case down (004 ¶24).</td>
              </tr>
              <tr>
                <td>Too low, per level</td>
                <td className="num">{WEIGHTS.under}</td>
                <td>The child does not get the help they need and nobody comes back to check: in 2013 unclear cases waited weeks without the child being seen (004 ¶20, ¶29, ¶38).</td>
              </tr>
              <tr>
                <td>Too low for a level-4 child, per level</td>
                <td className="num">{WEIGHTS.underLevel4}</td>
                <td>Significant harm goes unchecked: no strategy discussion, no section 47 enquiry, nobody sees the child (DOMAIN.md level 4; 004 ¶29, ¶39). It weighs most.</td>
              </tr>
              <tr>
                <td>Decided after the one-working-day deadline</td>
                <td className="num">{WEIGHTS.late}</td>
                <td>Working Together: a decision within one working day of receipt (DOMAIN.md, statutory clocks).</td>
              </tr>
              <tr>
                <td>Left undecided</td>
                <td className="num">as a late level-1 call</td>
                <td>Until someone decides, the child receives nothing; in 2013 the report already said &ldquo;provision of advice and information&rdquo; (004 ¶38).</td>
              </tr>
            </tbody>
          </table>
          <p className="hint">The score is 100 &times; (1 &minus; points &divide; the most points these contacts could cost: each one&rsquo;s worst call, made late).</p>
        </details>
        <div className="button-row">
          <button type="button" className="button" onClick={() => download(resultsToJson(results), `${base}.json`, 'application/json')}>
            Download your results (JSON)
          </button>
          <button type="button" className="button button-secondary" onClick={() => download(resultsToCsv(results), `${base}.csv`, 'text/csv')}>
            Download your results (CSV)
          </button>
          <a href="#/threshold" className="tr-link-inline">
            Explore the continuum of need
          </a>
        </div>
        <LmsPanel results={results} startedAt={startedAt} endedAt={endedAt} fileBase={base} />

        <h3 className="tr-cases-heading">Each contact</h3>
        <p className="hint">Open a contact to see its path through the {state.settings.rules} process, what happened next for the child, and the reference answer.</p>
        {state.cases.map((c, i) => (
          <CaseDebrief key={c.id} state={state} c={c} r={results.cases[i]} />
        ))}
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={onNewShift}>
            Start a new shift
          </button>
        </div>
      </section>
      <ClassResults own={results} />
    </>
  );
}

function CaseDebrief({ state, c, r }: { state: ShiftState; c: ShiftCase; r: CaseResult }) {
  const v = c.vignette;
  const ref = v.reference;
  const next = whatHappenedNext(state, c);
  const you = r.decidedLevel === null ? 'no decision' : `level ${r.decidedLevel}`;
  const steps = [...c.path, ...c.after];
  return (
    <details className={`tr-case-debrief tr-call-${r.call}`} data-vignette={c.id}>
      <summary>
        <span className="tr-cd-title">{v.title}</span>
        <span className="tr-cd-line">
          You: {you} <span className={`tag tr-tag-call-${r.call}`}>{CALL_TEXT[r.call]}</span> Reference: level {ref.level}.
          {r.decidedLevel !== null && !r.timely && <span className="tag tag-late">Late</span>}
          {r.hiddenFromReport && <span className="tag tag-hidden">Hidden from the report</span>}
          <span className="tr-cd-points">
            {r.points} {r.points === 1 ? 'point' : 'points'}
          </span>
        </span>
      </summary>
      <div className="tr-cd-body">
        <div className="tr-cd-cols">
          <div>
            <h4>The contact</h4>
            <p className="tr-case-meta">
              {v.contact.from}, {v.contact.channel}. Arrived {describeTime(c.receivedAt)}; due {describeTime(c.dueBy)}.
            </p>
            <blockquote className="tr-contact-text">{v.contact.text}</blockquote>
            <h4>Your decision</h4>
            {c.decision ? (
              <>
                <p>
                  <strong>{levelText(c.decision.level)}</strong>: {responseText(c.decision.response)}. Recorded {describeTime(c.decision.at)}
                  {r.timely ? ', in time' : ', after the deadline'}.{' '}
                  {r.informationRequests === 0
                    ? 'You asked for no information.'
                    : `You asked for ${r.informationRequests} piece${r.informationRequests === 1 ? '' : 's'} of information.`}
                </p>
                <p className="tr-rationale-view">&ldquo;{c.decision.rationale}&rdquo;</p>
              </>
            ) : (
              <p>{c.arrived ? <>No decision: the contact was at &ldquo;{stateText(state.settings.rules, c.state)}&rdquo; when the shift ended.</> : 'No decision: the shift ended before the contact arrived.'}</p>
            )}
            {c.requests.length > 0 && (
              <>
                <h4>What you asked</h4>
                <ul className="tr-list">
                  {c.requests.map((q) => (
                    <li key={q.id}>
                      <strong>{q.label}</strong>
                      {q.status === 'answered'
                        ? `: ${v.information.find((i) => i.id === q.id)?.answer ?? ''}`
                        : q.status === 'cancelled'
                          ? ': no answer before the decision.'
                          : ': still waiting when the shift ended.'}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div>
            <h4>The reference answer</h4>
            <p>
              <strong>{levelText(ref.level)}</strong>: {responseText(ref.response)}.
            </p>
            <p>{ref.rationale}</p>
            <p className="tr-sources">Sources: {ref.sources.join('; ')}.</p>
            {v.boundaries.length > 0 && <p className="hint">A hard boundary: {v.boundaries.map((b) => b.replace(/-/g, ' ')).join(', ')}.</p>}
            <p>
              <a href="#/threshold" onClick={() => savePreset({ title: v.title, indicators: [...ref.indicators], ageBand: v.child.ageBand, disabled: v.child.disabled })}>
                See this contact&rsquo;s indicators in the threshold explorer
              </a>
            </p>
          </div>
        </div>
        <h4>What happened next for the child</h4>
        {next.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {c.decision && c.decision.level !== ref.level && (
          <div className="tr-playout">
            <h4>Your call and the reference call, played out</h4>
            <p className="hint">
              The same child, the same moment, the {state.settings.rules} process: what follows each decision in the simulated front door, to
              the end of the child&rsquo;s journey (after the shift).
            </p>
            <div className="tr-cd-cols">
              {(
                [
                  ['Under your call', c.decision.level, [...c.path.slice(-1), ...c.after]],
                  ['Under the reference call', ref.level, c.referenceJourney],
                ] as const
              ).map(([heading, level, journey]) => (
                <section key={heading} aria-label={`${heading}, level ${level}`}>
                  <h5>
                    {heading}: level {level}
                  </h5>
                  <p>{v.outcomes[level]}</p>
                  <ol className="tr-list tr-journey">
                    {journey.map((p, i) => (
                      <li key={i}>
                        {describeStep(state.settings.rules, p)}
                        <span className="hint"> ({p.actor})</span>
                      </li>
                    ))}
                  </ol>
                </section>
              ))}
            </div>
          </div>
        )}
        <h4>Its path through the {state.settings.rules} process</h4>
        <div className="tr-table-scroll">
          <table className="table tr-path">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What happened</th>
                <th scope="col">Who</th>
                <th scope="col">The weekly report showed</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((p, i) => (
                <tr key={i} className={p.t === null ? 'tr-later' : undefined}>
                  <td className="tr-nowrap">{p.t === null ? 'After the shift' : shortTime(p.t, state.start)}</td>
                  <td>{describeStep(state.settings.rules, p)}</td>
                  <td>{p.actor}</td>
                  <td>
                    &ldquo;{p.report}&rdquo;
                    {p.hidden && <span className="tag tag-hidden">Not shown as waiting</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}

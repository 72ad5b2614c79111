/**
 * Training mode: a learner works a front-door queue on the simulated clock and sees what their
 * threshold calls did to the children. The core (src/core/training) owns the shift: this view
 * only dispatches the learner's actions and draws the state. The shift is saved in the tab's
 * session as its settings and actions, and rebuilt by replaying them.
 */
import { useEffect, useReducer, useRef } from 'react';
import { ShiftActionError, act, replayShift, startShift, type ShiftAction, type ShiftConfig, type ShiftState } from '../../core/training';
import { ClassResults } from './ClassResults';
import { Debrief } from './Debrief';
import { LIBRARY } from './library';
import { loadShift, saveShift, type SavedShift } from './session';
import { SetupForm } from './SetupForm';
import { ShiftView } from './ShiftView';
import './training.css';

interface Model {
  saved: SavedShift | null;
  state: ShiftState | null;
  /** The last action the rules refused, in plain words. */
  error: string | null;
  /** Counts actions, so views can react to each one (focus, announcements). */
  tick: number;
}

/** `at`: the wall-clock time (epoch milliseconds), for the time taken reported to an LMS. */
type Msg =
  | { type: 'start'; config: ShiftConfig; learner: string; at: number; deadline?: number }
  | { type: 'act'; action: ShiftAction; at: number }
  | { type: 'timeUp'; at: number }
  | { type: 'reset' }
  | { type: 'dismissError' };

function init(): Model {
  const saved = loadShift();
  if (saved) {
    try {
      return { saved, state: replayShift(LIBRARY.vignettes, saved.config, saved.actions), error: null, tick: 0 };
    } catch {
      // the library changed since the shift was saved: start again
    }
  }
  return { saved: null, state: null, error: null, tick: 0 };
}

function reducer(m: Model, msg: Msg): Model {
  switch (msg.type) {
    case 'start':
      return {
        saved: { config: msg.config, learner: msg.learner, actions: [], startedAt: msg.at, ...(msg.deadline === undefined ? {} : { deadline: msg.deadline }) },
        state: startShift(LIBRARY.vignettes, msg.config),
        error: null,
        tick: m.tick + 1,
      };
    case 'timeUp': {
      if (!m.state || !m.saved || m.state.ended) return m;
      const state = act(m.state, { type: 'end' });
      return { saved: { ...m.saved, actions: state.actions, timedOut: true, endedAt: msg.at }, state, error: null, tick: m.tick + 1 };
    }
    case 'act': {
      if (!m.state || !m.saved) return m;
      try {
        const state = act(m.state, msg.action);
        const endedAt = m.saved.endedAt ?? (state.ended ? msg.at : undefined);
        return { saved: { ...m.saved, actions: state.actions, ...(endedAt !== undefined ? { endedAt } : {}) }, state, error: null, tick: m.tick + 1 };
      } catch (e) {
        if (e instanceof ShiftActionError) return { ...m, error: e.message, tick: m.tick + 1 };
        throw e;
      }
    }
    case 'reset':
      return { saved: null, state: null, error: null, tick: m.tick + 1 };
    case 'dismissError':
      return { ...m, error: null };
  }
}

export function TrainingApp() {
  const [model, send] = useReducer(reducer, undefined, init);
  const { saved, state } = model;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => saveShift(model.saved), [model.saved]);

  const phase = !state ? 'setup' : state.ended ? 'debrief' : 'shift';

  return (
    <div className="tr">
      {phase === 'setup' && (
        <>
          <section aria-labelledby="training-heading">
            <h2 id="training-heading" ref={headingRef} tabIndex={-1}>
              Training: a shift at the front door
            </h2>
            <p className="tr-lede">
              Sit at the single point of access (SPA) for a simulated shift. Contacts arrive; for each one, read it, ask for more
              information if you need it (each request takes simulated time), decide the level of need and the response, and write
              your rationale. The debrief shows what your calls did to the children. Every child is synthetic.
            </p>
            <SetupForm
              library={LIBRARY}
              onStart={(config, learner) => {
                const at = Date.now();
                send({ type: 'start', config, learner, at, ...(config.timeLimitMinutes ? { deadline: at + config.timeLimitMinutes * 60_000 } : {}) });
              }}
            />
          </section>
          <ClassResults />
        </>
      )}
      {phase === 'shift' && state && saved && (
        <ShiftView
          state={state}
          tick={model.tick}
          error={model.error}
          deadline={saved.deadline ?? null}
          onAct={(action) => send({ type: 'act', action, at: Date.now() })}
          onTimeUp={() => send({ type: 'timeUp', at: Date.now() })}
          onDismissError={() => send({ type: 'dismissError' })}
        />
      )}
      {phase === 'debrief' && state && saved && (
        <>
          {saved.timedOut && (
            <p className="tr-timeout" role="status">
              The time limit of {saved.config.timeLimitMinutes} {saved.config.timeLimitMinutes === 1 ? 'minute' : 'minutes'} ran out, so the shift ended there. Contacts not decided by then count as not
              decided.
            </p>
          )}
          <Debrief state={state} learner={saved.learner} startedAt={saved.startedAt} endedAt={saved.endedAt} onNewShift={() => send({ type: 'reset' })} />
        </>
      )}
    </div>
  );
}

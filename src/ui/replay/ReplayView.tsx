/**
 * Replay and compare: the same seeded children flowing through the 2013 and the 2015 front door
 * at once, on one simulated clock, so anyone can see where 2013 lost them.
 */
import { useEffect } from 'react';
import { chartFacts, clockOverrides, decisionClockNote } from '../../core/processes/facts';
import { CaseList } from './CaseList';
import { Charts } from './Charts';
import { Chronology } from './Chronology';
import { Controls } from './Controls';
import { Exports } from './Exports';
import { Figures } from './Figures';
import { Glossary } from './Glossary';
import { Headline } from './Headline';
import { decodeLink } from './permalink';
import { ProcessPane } from './ProcessPane';
import { Replications } from './Replications';
import { ScenarioPanel } from './ScenarioPanel';
import { StaffingNote } from './StaffingNote';
import { Sweep } from './Sweep';
import type { ReplayStore } from './store';
import { sideMachine } from './store/processKeys';
import { StoreContext, useReplay, useStore } from './useReplay';

export function ReplayView({ store, query }: { store: ReplayStore; query: string }) {
  useEffect(() => {
    store.start(decodeLink(query));
    store.writeUrl();
    // Only on arrival: later links pasted into this tab come through App's hashchange handler.
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <Page />
    </StoreContext.Provider>
  );
}

/** While both processes run: what is happening and a way to stop it. */
function RunningBar() {
  const store = useStore();
  return (
    <div className="running-bar" role="status">
      <span>Running both processes on the same children…</span>
      <button type="button" className="button button-secondary" data-cancel-run onClick={() => store.cancelRun()}>
        Cancel run
      </button>
    </div>
  );
}

/** With a lab variant: what is compared, what is not, and the ways back. */
function VariantNotice() {
  const store = useStore();
  const variant = useReplay((s) => s.variant);
  if (!variant) return null;
  const origin = variant.derivedFrom ?? '2015';
  // Where the variant's own clocks take the place of the scenario's figures.
  const clocks = chartFacts(sideMachine(variant, '2015')).clocks;
  const notes = [...clockOverrides(clocks).map((o) => o.text), decisionClockNote(clocks)].filter((x): x is string => x !== null);
  return (
    <div className="link-notice variant-notice" role="status" data-variant={variant.id}>
      <p>
        Comparing <strong>{variant.name}</strong> (right) with the {origin} process it came from (left), on the same children. The replications and the sweep below, and links to this
        view, are of the shipped 2013 and 2015 processes only.
      </p>
      {notes.length > 0 && (
        <ul className="variant-clocks" data-variant-clocks>
          {notes.map((n) => (
            <li key={n}>{`${n.charAt(0).toUpperCase()}${n.slice(1)}.`}</li>
          ))}
        </ul>
      )}
      <a href="#/lab">Back to the process lab</a>
      <button type="button" className="button button-secondary" onClick={() => store.endVariant()}>
        Show 2013 and 2015 again
      </button>
    </div>
  );
}

function Page() {
  const status = useReplay((s) => s.run?.status ?? 'idle');
  const elapsed = useReplay((s) => s.run?.elapsedMs ?? null);
  return (
    <div className="replay" data-status={status} data-run-ms={elapsed ?? undefined}>
      <div className="intro visually-hidden">
        <h2>Replay and compare 2013 and 2015</h2>
        <p>The same children through the single point of access of 2013 and of 2015. Press Play to see where 2013 loses them.</p>
      </div>
      <VariantNotice />
      <ScenarioPanel />
      <Headline />
      <StaffingNote />
      <Controls />
      <section aria-labelledby="panes-heading" className="panes-section">
        <h2 id="panes-heading" className="visually-hidden">
          Both processes at this moment
        </h2>
        {status === 'running' && <RunningBar />}
        <div className="panes">
          <ProcessPane process="2013" />
          <ProcessPane process="2015" />
        </div>
      </section>
      <Chronology />
      <Figures />
      <Charts />
      <CaseList />
      <Replications />
      <Sweep />
      <Exports />
      <Glossary />
    </div>
  );
}

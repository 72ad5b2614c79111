/**
 * The process lab (`#/lab`, issue 15): a process to change (LabEditor), and, when it is one the
 * engine can run, checking it against the safeguards (CheckPanel) and comparing it with the
 * process it came from on the same children (on the replay page).
 */
import { useCallback, useState } from 'react';
import type { ProcessFile } from '../../core/processes';
import type { ReplayStore } from '../replay/store';
import { CheckPanel } from './CheckPanel';
import type { CounterexampleRun } from './checkProtocol';
import { baseScenarioFor, type CheckStore } from './checkStore';
import { LabEditor } from './LabEditor';

/** Open the replay page on the variant beside its origin (the replay store runs both in its workers). */
function openOnReplay(replay: ReplayStore, process: ProcessFile, link: Parameters<ReplayStore['compareVariant']>[1]): void {
  replay.compareVariant(process, link);
  window.location.hash = '#/replay';
}

export function LabView({ check, replay }: { check: CheckStore; replay: ReplayStore }) {
  const [process, setProcess] = useState<ProcessFile | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const onChange = useCallback((p: ProcessFile | null, issues: string[]) => {
    setProcess(p);
    setProblems(issues);
  }, []);

  return (
    <div className="lab">
      <div className="intro">
        <h2 className="page-title">Process lab: change the front door and see which safeguards break</h2>
      </div>
      <LabEditor onChange={onChange} />
      {process && problems.length === 0 ? (
        <>
          <CheckPanel
            store={check}
            process={process}
            onOpenRun={(run: CounterexampleRun) =>
              openOnReplay(replay, process, {
                scenario: 'file',
                file: { name: `counterexample-${run.invariant}.json`, data: run.scenario },
                seed: String(run.scenario.seed),
                caseId: run.caseId ?? undefined,
                t: run.at ?? undefined,
              })
            }
          />
          <CompareSection process={process} onCompare={() => openOnReplay(replay, process, { scenario: baseScenarioFor(process).key })} />
        </>
      ) : (
        <section className="section" aria-labelledby="lab-not-ready">
          <h2 id="lab-not-ready">Nothing to check yet</h2>
          {problems.length ? (
            <>
              <p>The process cannot be run until these are put right:</p>
              <ul className="lab-problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Choose a process to start from, or load a process file.</p>
          )}
        </section>
      )}
    </div>
  );
}

function CompareSection({ process, onCompare }: { process: ProcessFile; onCompare: () => void }) {
  const origin = process.derivedFrom ?? '2015';
  const base = baseScenarioFor(process);
  return (
    <section className="section" aria-labelledby="lab-compare-heading">
      <h2 id="lab-compare-heading">Compare it with {origin}</h2>
      <p>
        Replay this process beside the {origin} process{process.derivedFrom ? ' it came from' : ''} on the same children (<code>{base.scenarioFile}</code>, its own seed), on the replay
        page: the charts drawn, every case&rsquo;s chronology and the figures side by side.
      </p>
      <button type="button" className="button" onClick={onCompare}>
        Compare with {origin} on the replay page
      </button>
    </section>
  );
}

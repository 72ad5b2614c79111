/**
 * The process lab (`#/lab`, issue 15): a process to change (LabEditor), and, when it is one the
 * engine can run, checking it against the safeguards (CheckPanel) and comparing it with the
 * process it came from on the same children (on the replay page).
 */
import { useCallback, useState } from 'react';
import type { ProcessFile } from '../../core/processes';
import { CheckPanel } from './CheckPanel';
import type { CheckStore } from './checkStore';
import { LabEditor } from './LabEditor';

export function LabView({ check }: { check: CheckStore }) {
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
        <CheckPanel store={check} process={process} />
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

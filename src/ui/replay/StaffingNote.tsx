/**
 * Beside the scenario choice: which workforce each process runs with in this comparison
 * (`staffingByProcess`, README "Which staffing a comparison uses"), and, where the scenario says
 * so, why 2015 comes out worse here on a figure the sources say it improved (`comparisonNotes`).
 * Reads the scenario that was run (with the form's changes), or the one chosen before any run.
 */
import { LABELS } from '../../core/labels';
import { comparisonStaffingWords, type Scenario } from '../../core/scenario';
import { baseScenario } from './store/scenarioChoice';
import { useReplay } from './useReplay';

function sourcesOf(scenario: Scenario): { process: string; source: string }[] {
  return (['2013', '2015'] as const).flatMap((p) => {
    const w = scenario.staffingByProcess?.[p];
    return w ? [{ process: p, source: w.source }] : [];
  });
}

export function StaffingNote() {
  const applied = useReplay((s) => s.applied);
  const source = useReplay((s) => s.source);
  const loadedFile = useReplay((s) => s.loadedFile);
  const scenario = applied?.scenario ?? baseScenario(source, loadedFile).scenario;
  const sources = sourcesOf(scenario);
  const notes = scenario.comparisonNotes ?? [];
  return (
    <div className="staffing-note" data-staffing-note="">
      <p className="hint">
        <strong>Staffing.</strong> <span data-staffing-words="">{comparisonStaffingWords(scenario)}</span>
      </p>
      {sources.length > 0 && (
        <details className="hint">
          <summary>Where the workforce figures come from</summary>
          {sources.map((s) => (
            <p key={s.process}>
              The {s.process} workforce: {s.source}
            </p>
          ))}
        </details>
      )}
      {notes.map((n) => (
        <details key={n.figure} className="hint comparison-note" data-comparison-note={n.figure}>
          <summary>Why 2015 comes out worse here on &ldquo;{LABELS[n.figure] ?? n.figure}&rdquo;</summary>
          <p>{n.why}</p>
        </details>
      ))}
    </div>
  );
}

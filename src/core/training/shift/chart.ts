/**
 * The chart of a shift's rules, and what it says of a state. Everything the shift knows of a
 * state comes from here, through processes/facts.ts: no state is named outside the charts.
 */
import type { AnyStateMachine } from 'xstate';
import { PROCESSES, type StateMeta } from '../../processes';
import { chartFacts, stateLabel, type StateFacts } from '../../processes/facts';
import type { Rules } from './settings';

export function machineOf(rules: Rules): AnyStateMachine {
  return PROCESSES[rules] as unknown as AnyStateMachine;
}

/** What the chart of the shift's rules says of a state (processes/facts.ts). */
export function factsOfState(rules: Rules, state: string): StateFacts {
  return chartFacts(machineOf(rules)).state(state);
}

export function metaOfState(rules: Rules, state: string): StateMeta {
  return factsOfState(rules, state).meta;
}

/** A state's short plain-English name: its meta `label` in the chart of the shift's rules. */
export function stateText(rules: Rules, state: string): string {
  return stateLabel(machineOf(rules), state);
}

/** The report shows the case as decided while no decision has been made (2013's hidden hold, 004 ¶38). */
export function hiddenFromReport(meta: StateMeta): boolean {
  return meta.undecided && meta.report.decided;
}

/** Plain words for levels, responses and a contact's status, shared by the training views. */
import { LEVEL_INFO, type Level } from '../../core/levels';
import { responseInfo, type CaseStatus, type ResponseId, type ShiftCase } from '../../core/training';

export function levelText(level: Level): string {
  return `Level ${level}, ${LEVEL_INFO[level].name}`;
}

export function responseText(id: ResponseId): string {
  return responseInfo(id).text;
}

export type StatusKind = 'new' | 'held' | 'gathering' | 'ready' | 'escalated' | 'decided';

/** The short status a queue item shows; its kind picks a style (the words carry the meaning). */
export function statusLabel(c: ShiftCase, st: CaseStatus): { text: string; kind: StatusKind } {
  if (c.decision) return { text: `Decided: level ${c.decision.level}`, kind: 'decided' };
  // By the stage the chart's meta gives the state, never its name.
  switch (st.stage) {
    case 'screening':
      return { text: 'New', kind: 'new' };
    case 'hold':
      return { text: st.stateText, kind: 'held' };
    case 'informationGathering':
      return { text: st.role === 'camhs' ? 'With CAMHS' : 'Gathering information', kind: 'gathering' };
    case 'escalatedDecision':
      return { text: 'Escalated: decide now', kind: 'escalated' };
    case 'decision':
      return { text: 'Ready to decide', kind: 'ready' };
    default:
      return { text: st.stateText, kind: 'ready' };
  }
}

/** 'over', 'under' etc. as the debrief says them. */
export const CALL_TEXT = {
  agree: 'agreed with the reference',
  over: 'too high',
  under: 'too low',
  undecided: 'left undecided',
} as const;

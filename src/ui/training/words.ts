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
  switch (st.state) {
    case 'received':
      return { text: 'New', kind: 'new' };
    case 'heldByCaseCoordinator':
      return { text: 'Held by case coordinator', kind: 'held' };
    case 'informationGathering':
      return { text: 'Gathering information', kind: 'gathering' };
    case 'camhsScreening':
      return { text: 'With CAMHS', kind: 'gathering' };
    case 'escalatedToManager':
      return { text: 'Escalated: decide now', kind: 'escalated' };
    case 'awaitingDecision':
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

/**
 * The synthetic child and contact model. Every child is synthetic: ids are sequence numbers,
 * there are no names, addresses or dates of birth.
 *
 * Sources: ../shared/DOMAIN.md "Vocabulary" (contact, referral, MARF), "The flow of one contact"
 * (who contacts, out of hours through EDT, known child / open case), 004 ¶37 (incomplete MARF),
 * 004 ¶29 and ¶38 (cases whose level of risk or need is unclear at the point of contact).
 */
import type { AgeBand, Level } from './levels';
import type { Instant } from './calendar';

export type ContactSource = 'police' | 'school' | 'health' | 'family' | 'public' | 'anonymous';
export const CONTACT_SOURCES: readonly ContactSource[] = ['police', 'school', 'health', 'family', 'public', 'anonymous'];

export interface Child {
  readonly childId: string;
  readonly ageBand: AgeBand;
  readonly disabled: boolean;
}

export interface Contact {
  /** Contact id, unique within a run: 'C000001'. */
  readonly id: string;
  readonly childId: string;
  /** The child's true level of need at the time of the contact (ground truth, unknown to the SPA). */
  readonly trueLevel: Level;
  /** Indicator ids from levels.ts that the contact describes. */
  readonly indicators: readonly string[];
  readonly ageBand: AgeBand;
  readonly disabled: boolean;
  readonly source: ContactSource;
  /** Whether a partner agency's referral form (MARF) was complete (004 ¶37). */
  readonly formComplete: boolean;
  readonly receivedAt: Instant;
  /** Received outside SPA opening hours, so first handled by EDT (DOMAIN.md, flow step 1). */
  readonly outOfHours: boolean;
  /** The child is already known to children's services. */
  readonly knownChild: boolean;
  /** The child has an open social care case with an allocated worker (flow step 2). */
  readonly openCase: boolean;
  /** The child is currently receiving early help: a contact may lead to a step-up. */
  readonly inEarlyHelp: boolean;
  /** Whether the level of risk or need is clear from the contact itself (004 ¶29, ¶38). */
  readonly levelClear: boolean;
  /** At screening the needs look potentially above early help (004 ¶29). */
  readonly aboveEarlyHelp: boolean;
  /** Immediate danger: skips the queue (DOMAIN.md, flow step 5). */
  readonly immediateDanger: boolean;
  /** The contact is about a child's mental health (CAMHS sits in the 2015 SPA: 000). */
  readonly mentalHealth: boolean;
  /** Id of an earlier contact about the same child in this run, if any (re-contact / re-referral). */
  readonly previousContactId: string | null;
}

/**
 * A copy of a contact with what the process decided about the child, written field by field:
 * V8 keeps a literal's fields inside the object, while a spread copy of this many fields puts
 * most of them in a second array (more memory for every contact a run keeps).
 */
export function copyContact(c: Contact, decided: Pick<Contact, 'openCase' | 'inEarlyHelp'>): Contact {
  return {
    id: c.id,
    childId: c.childId,
    trueLevel: c.trueLevel,
    indicators: c.indicators,
    ageBand: c.ageBand,
    disabled: c.disabled,
    source: c.source,
    formComplete: c.formComplete,
    receivedAt: c.receivedAt,
    outOfHours: c.outOfHours,
    knownChild: c.knownChild,
    openCase: decided.openCase,
    inEarlyHelp: decided.inEarlyHelp,
    levelClear: c.levelClear,
    aboveEarlyHelp: c.aboveEarlyHelp,
    immediateDanger: c.immediateDanger,
    mentalHealth: c.mentalHealth,
    previousContactId: c.previousContactId,
  };
}

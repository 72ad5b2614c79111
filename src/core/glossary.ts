/**
 * The glossary shown beside every term in the browser. Definitions come from
 * ../shared/DOMAIN.md (its vocabulary table, continuum of need and statutory clocks) and the
 * 2013 inspection report it cites; terms about the simulator itself say so. Each entry names its
 * source so a trainer can check it.
 */

export interface GlossaryEntry {
  /** Stable id, used in the page (e.g. "spa"). */
  id: string;
  term: string;
  definition: string;
  source: string;
}

const VOCAB = 'DOMAIN.md, Vocabulary';

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'contact', term: 'contact', definition: 'Any approach to children\u2019s services about a child: a call, form or police notification. Most contacts do not become referrals.', source: VOCAB },
  { id: 'spa', term: 'SPA (single point of access)', definition: 'The one team that receives every contact, screens it and decides what happens next. In Kingston it replaced an earlier front door in January 2013. Elsewhere it is often called a MASH.', source: `${VOCAB}; 2013 report \u00b620` },
  { id: 'referral', term: 'referral', definition: 'A contact that is accepted for a social work response: an assessment, or a child protection enquiry.', source: VOCAB },
  { id: 'threshold', term: 'threshold (level of need)', definition: 'Where a child sits on the continuum of need, levels 1 to 4. The SPA applies the threshold to decide the response. It is a judgement on the whole picture, not a checklist.', source: `${VOCAB}; DOMAIN.md, The continuum of need` },
  { id: 'level-1', term: 'level 1 (universal)', definition: 'Needs met by schools, GPs and health visitors; the response is advice or signposting.', source: 'DOMAIN.md, The continuum of need' },
  { id: 'level-2', term: 'level 2 (additional needs)', definition: 'Early help: an early help assessment, a lead professional, a team around the family.', source: 'DOMAIN.md, The continuum of need' },
  { id: 'level-3', term: 'level 3 (complex needs, child in need)', definition: 'A social work assessment under section 17 of the Children Act 1989.', source: 'DOMAIN.md, The continuum of need' },
  { id: 'level-4', term: 'level 4 (acute, child protection)', definition: 'A strategy discussion and a section 47 enquiry.', source: 'DOMAIN.md, The continuum of need' },
  { id: 'early-help', term: 'early help', definition: 'Co-ordinated support below the statutory threshold (level 2): family support, locality teams, parenting programmes.', source: `${VOCAB}; 2013 report \u00b624-27` },
  { id: 'child-in-need', term: 'child in need (CIN)', definition: 'Section 17 Children Act 1989: a child who needs services to reach a reasonable standard of health or development (level 3).', source: VOCAB },
  { id: 'child-protection', term: 'child protection (CP)', definition: 'A section 47 enquiry: there is reasonable cause to suspect significant harm (level 4).', source: VOCAB },
  { id: 'strategy-discussion', term: 'strategy discussion', definition: 'Social care, police and health (at least) agree how to run a section 47 enquiry; held promptly when harm is suspected.', source: VOCAB },
  { id: 'section-47', term: 'section 47 enquiry', definition: 'The child protection enquiry made when there is reasonable cause to suspect that a child is suffering, or likely to suffer, significant harm.', source: VOCAB },
  { id: 'icpc', term: 'ICPC', definition: 'Initial child protection conference; it may put the child on a child protection plan.', source: VOCAB },
  { id: 'step-up', term: 'step-up', definition: 'A case held in early help is escalated to children\u2019s social care because concerns increased.', source: VOCAB },
  { id: 'step-down', term: 'step-down', definition: 'A case leaves statutory social work and continues in early help because the statutory need has passed.', source: VOCAB },
  { id: 'nfa', term: 'NFA / advice and information', definition: 'The contact is closed with no further action, or with advice to the caller.', source: VOCAB },
  { id: 'case-coordinator', term: 'case coordinator', definition: 'In the 2013 SPA, an unqualified worker who gathered information by phone.', source: `${VOCAB}; 2013 report \u00b638` },
  { id: 'team-manager', term: 'team manager (TM)', definition: 'A qualified manager who makes, or signs off, the threshold decision.', source: VOCAB },
  { id: 'ra-team', term: 'R&A team', definition: 'Referral and assessment team: receives accepted referrals and carries out assessments.', source: `${VOCAB}; 2013 report \u00b613` },
  { id: 'unallocated', term: 'unallocated case', definition: 'An open case with no named social worker. During the 2013 inspection 25 child-in-need cases had been unallocated for 48 hours.', source: `${VOCAB}; 2013 report \u00b630` },
  { id: 'edt', term: 'EDT', definition: 'The emergency duty team that covers out of hours, shared with neighbouring boroughs.', source: `${VOCAB}; 2013 report \u00b647` },
  { id: 'camhs', term: 'CAMHS', definition: 'Child and adolescent mental health services; in 2015 part of the SPA team.', source: `${VOCAB}; 2015 report` },
  { id: 'marf', term: 'MARF', definition: 'The multi-agency referral form that partner agencies are meant to use. In 2013 it was not used consistently, so information was often incomplete.', source: `${VOCAB}; 2013 report \u00b637` },
  { id: 'one-working-day', term: 'within one working day', definition: 'The statutory clock for a decision on a referral: within one working day of receipt (the 24-hour target). A contact received on Friday at 16:30 is due on Monday at 16:30; out of hours the clock starts when the SPA next opens.', source: 'DOMAIN.md, Statutory clocks (Working Together 2013 and 2015)' },
  { id: 'working-day', term: 'working day', definition: 'Monday to Friday except bank holidays. The SPA is open roughly 08:00 to 17:15 Monday to Thursday and to 17:00 on Friday; EDT covers the rest.', source: 'DOMAIN.md, Statutory clocks' },
  { id: 'held', term: 'held', definition: 'In 2013 a contact whose level of risk or need was unclear was "assigned" inside the SPA to a case coordinator for information gathering, without the child being seen, sometimes for weeks.', source: '2013 report \u00b620, \u00b629, \u00b638' },
  { id: 'hidden', term: 'hidden from the report', definition: 'A held case\u2019s outcome was recorded as "provision of advice and information", so the weekly performance report did not show it as waiting; senior managers did not know about the delays.', source: '2013 report \u00b620, \u00b638' },
  { id: 'weekly-report', term: 'weekly performance report', definition: 'The service\u2019s own report of contacts and decisions. The simulator keeps what it would have shown beside what really happened.', source: '2013 report \u00b616, \u00b638' },
  { id: 'escalation', term: 'escalation (2015)', definition: 'When the one-working-day clock is close to running out, a manager decides on what is known, so children who need urgent help do not wait.', source: '2019 report (002)' },
  { id: 'seed', term: 'seed', definition: 'A number that fixes the random draws of a run: the same scenario and seed always give the same children and the same trace. Both processes meet the same children.', source: 'This simulator (README)' },
  { id: 'trace', term: 'trace', definition: 'The record of every change of state of every case: time, case, from, to, event, who acted and what the report recorded. Every figure here is read from it.', source: 'This simulator (README)' },
  { id: 'replication', term: 'replications', definition: 'The same comparison repeated with seeds seed, seed+1, and so on, to show how much the figures vary by chance.', source: 'This simulator (README)' },
  { id: 'confidence-interval', term: '95% confidence interval', definition: 'A range that, across many such sets of replications, would contain the true average 95 times in 100. If the range for a difference does not include 0, the processes really differ on that figure.', source: 'This simulator (src/core/stats.ts)' },
  { id: 'warm-up', term: 'warm-up', definition: 'Days simulated before the period starts so that queues and caseloads are not empty on day one. Contacts in the warm-up are not counted in the figures.', source: 'This simulator (src/core/scenario.ts)' },
];

const BY_ID = new Map(GLOSSARY.map((g) => [g.id, g]));

export function glossaryEntry(id: string): GlossaryEntry {
  const e = BY_ID.get(id);
  if (!e) throw new Error(`no glossary entry "${id}"`);
  return e;
}

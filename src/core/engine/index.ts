/**
 * The discrete-event engine. It owns simulated time; the process statecharts own the logic.
 *
 * One run is one object (`createSimulation`); the only module-level state is memos of pure
 * values: constant event and input objects (events.ts), and each chart's compiled steps
 * (stepper.ts), which no run can change and which change no result. The engine:
 *  - generates the contacts before the run (../arrivals.ts), from streams independent of the
 *    process, so that 2013 and 2015 meet the same children at the same instants (or takes them
 *    from `prepareArrivals`, generated once for both);
 *  - keeps one statechart snapshot per contact and sends it events with XState's pure
 *    `transition()` (or the compiled stepper, which shares snapshots between cases); it never
 *    decides where a case goes, only when work ends and what the world answers (the level a
 *    manager decides, an assessment's outcome);
 *  - keeps the cases as columns (typed arrays by arrival order), not an object each, and reads
 *    the contacts from the arrivals' columns: a figure-only run never makes a contact object;
 *  - reads each state's work (the chart's meta, through ../processes/facts.ts) to know which role
 *    works the case and which event ends the work; roles have capacity (people x caseload, less
 *    absence and vacancies), and queues form where capacity runs out: that is how holds and
 *    unallocated referrals arise (004 ¶20, ¶30);
 *  - schedules every clock (one working day, escalation, durations on the working-day calendar)
 *    as events ordered by (time, priority, sequence): work in a heap, and what comes in time
 *    order by construction (arrivals, day starts, decision clocks) in lines beside it;
 *  - appends every transition to the trace, which metrics, exports, replay and tests read, and
 *    feeds it to the figures as it goes (../metrics.ts), so a replication that needs only the
 *    figures can run without keeping the trace (`trace: false`).
 *
 * Read it in this order:
 *  - simulation.ts  `createSimulation`: composes the parts below into a `Simulation`
 *  - flow.ts        what happens at each event: arrive, send, enter a state, start work, clocks
 *  - agenda.ts      what happens next: named priorities and kinds; the heap and the lines beside it
 *  - heap.ts        the binary heap and the time-ordered line (`Lane`) the agenda is made of
 *  - cases.ts       the table of cases (typed-array columns) and each case's random streams
 *  - pool.ts        a role's pool of workers: capacity per day, queue, who holds a slot, dispatch
 *  - staffing.ts    each role's slots day by day (absence, agency vacancies)
 *  - world.ts       how long work takes and how it ends (durations, decisions, outcomes)
 *  - states.ts      the chart's states as the run meets them, with their work
 *  - stepper.ts     the compiled stepper and XState's interpreter, and the kept-stepper memo
 *  - events.ts      the events and inputs the engine sends, each made once
 *  - sink.ts        each transition to the figures and, when kept, the trace
 *  - trace.ts       the trace record
 *
 * Speed tricks, each marked "Speed:" where it is: typed-array columns (cases.ts, states.ts,
 * heap.ts), snapshots shared between cases and the kept stepper (stepper.ts, events.ts), reused
 * queue items (agenda.ts, pool.ts), lines beside the heap (agenda.ts), and classes with fixed
 * shapes so that every run's calls stay monomorphic (flow.ts and the rest).
 */
export { createSimulation, prepareArrivals, type PreparedArrivals, type Simulation, type SimulationOptions } from './simulation';
export { traceRecord, type TraceRecord } from './trace';
export { ChartLoopError, MAX_MICROSTEPS_AT_ONE_INSTANT } from './stepper';
/** A state's meta (processes/facts.ts reads it for everyone). */
export { metaOf } from '../processes/facts';

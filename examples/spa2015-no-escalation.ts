/**
 * A process change to test (README, "Testing a process change"): the 2015 chart with the
 * escalation before the one-working-day clock removed. Every `'clock.escalationDue'` transition is
 * gone, so no contact is ever escalated to a manager; the `escalatedToManager` state is left in
 * place but can no longer be reached.
 *
 * Written as a change to the shipped chart's configuration, so it stays "the 2015 chart without
 * the escalation" as the 2015 chart is revised. The same change without code is a process file:
 * examples/spa2015-no-escalation.json (README, "Process files"), kept equal to this by a test.
 *
 * Check it with: npm run check-process -- examples/spa2015-no-escalation.ts
 */
import { spaSetup } from '../src/core/processes/common';
import { spa2015 } from '../src/core/processes/spa2015';

type Config = Parameters<typeof spaSetup.createMachine>[0];
type StateConfig = { on?: Record<string, unknown> } & Record<string, unknown>;

const states = Object.fromEntries(
  Object.entries(spa2015.config.states as Record<string, StateConfig>).map(([name, node]) => {
    if (!node.on) return [name, node];
    const on = Object.fromEntries(Object.entries(node.on).filter(([event]) => event !== 'clock.escalationDue'));
    return [name, { ...node, on }];
  }),
);

export const spa2015NoEscalation = spaSetup.createMachine({ ...spa2015.config, id: 'spa2015-no-escalation', states } as Config);

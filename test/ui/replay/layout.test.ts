// The diagram layout (src/ui/replay/layout.ts).
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../../../src/core/processes';
import { machineEdges, stateInfos } from '../../../src/core/timeline';
import { layoutChart, wrap } from '../../../src/ui/replay/layout';

describe('the statechart layout', () => {
  for (const [name, machine] of Object.entries(PROCESSES)) {
    it(`places every ${name} state in its own box and draws an arrow for every transition`, () => {
      const states = stateInfos(machine).map((s) => s.name);
      const edges = machineEdges(machine);
      const l = layoutChart(machine.id, states, edges);
      expect(l.nodes.map((n) => n.name)).toEqual(states);
      for (const a of l.nodes)
        for (const b of l.nodes) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.name} overlaps ${b.name}`).toBe(true);
      expect(l.edges).toHaveLength(edges.length);
      for (const e of l.edges) expect(e.d).toMatch(/^M[\d.]+,[\d.]+ C/);
    });
  }

  it('lays out a chart it does not know (a designer\u2019s own) without overlaps', () => {
    const machine = PROCESSES['2013'];
    const states = stateInfos(machine).map((s) => s.name);
    const l = layoutChart('someone-elses-chart', states, machineEdges(machine));
    for (const a of l.nodes) for (const b of l.nodes) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
  });

  it('wraps labels at spaces', () => {
    expect(wrap('Awaiting threshold decision', 18)).toEqual(['Awaiting threshold', 'decision']);
  });
});

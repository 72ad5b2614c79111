// Links that restore a view (src/ui/replay/permalink.ts) and the diagram layout (layout.ts).
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../src/core/processes';
import { machineEdges, stateInfos } from '../src/core/timeline';
import { chartGraph, layoutChart, wrapToWidth } from '../src/ui/replay/layout';
import { decodeLink, encodeLink, parseHash } from '../src/ui/replay/permalink';

describe('permalinks', () => {
  it('round-trip scenario, changes, seed, exact moment, case, state and speed', () => {
    const link = {
      scenario: 'kingston-2013',
      patch: { contactsPerWorkingDay: 30, 'levelMix.1': 0.4 },
      seed: '7',
      t: 1370509234567,
      caseId: 'C002152',
      speed: 'week' as const,
      state: { process: '2013', state: 'heldByCaseCoordinator' },
    };
    expect(decodeLink(encodeLink(link))).toEqual(link);
  });

  it('carry a scenario loaded from a file, including non-ASCII text', () => {
    const file = { name: 'mine.json', data: { name: 'Sc\u00e9nario \u00b638', days: 7 } };
    expect(decodeLink(encodeLink({ scenario: 'file', file })).file).toEqual(file);
  });

  it('ignore what is malformed instead of failing', () => {
    expect(decodeLink('s=kingston-2013&t=soon&speed=warp&p=%%%&case=<b>')).toEqual({ scenario: 'kingston-2013' });
  });

  it('route by the hash: replay is the default', () => {
    expect(parseHash('')).toEqual({ route: 'replay', query: '' });
    expect(parseHash('#/')).toEqual({ route: 'replay', query: '' });
    expect(parseHash('#/replay?s=a&seed=1')).toEqual({ route: 'replay', query: 's=a&seed=1' });
    expect(parseHash('#/training')).toEqual({ route: 'training', query: '' });
    expect(parseHash('#/threshold')).toEqual({ route: 'threshold', query: '' });
    expect(parseHash('#/nowhere').route).toBeNull();
  });
});

describe('the statechart layout', () => {
  for (const [name, machine] of Object.entries(PROCESSES)) {
    it(`places every ${name} state in its own box and draws an arrow for every transition`, async () => {
      const states = stateInfos(machine).map((s) => s.name);
      const edges = machineEdges(machine);
      const l = await layoutChart(chartGraph(machine));
      expect(l.nodes.map((n) => n.name)).toEqual(states);
      for (const a of l.nodes)
        for (const b of l.nodes) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.name} overlaps ${b.name}`).toBe(true);
      expect(l.edges).toHaveLength(edges.length);
      for (const e of l.edges) expect(e.d).toMatch(/^M[\d.]+,[\d.]+ L/);
    });
  }

  it('lays out a chart it does not know (a designer\u2019s own, its states renamed) without overlaps', async () => {
    const graph = chartGraph(PROCESSES['2013']);
    const rename = (n: string) => `renamed-${n}`;
    const l = await layoutChart({
      states: graph.states.map((s) => ({ ...s, name: rename(s.name) })),
      initial: rename(graph.initial),
      edges: graph.edges.map((e) => ({ ...e, from: rename(e.from), to: rename(e.to) })),
    });
    for (const a of l.nodes) for (const b of l.nodes) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
  });

  it('wraps labels at spaces', () => {
    expect(wrapToWidth('Awaiting threshold decision', 10, 18, false, (t) => t.length)).toEqual(['Awaiting threshold', 'decision']);
  });
});

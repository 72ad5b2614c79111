// The statechart diagram's automatic layout (src/ui/replay/layout.ts): ELK's layered layout for
// every chart, the two shipped ones and a designer's chart with a state the layout has never seen.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { PROCESSES, REPORT, STAGES, decisionTransitions, onClockElapsed, spa2015, spaSetup, type StateMeta } from '../../../src/core/processes';
import { machineEdges, stateInfos } from '../../../src/core/timeline';
import {
  BADGE_H,
  BADGE_IN,
  BADGE_OUT,
  MIN_FONT,
  MIN_SCALE,
  PAD_X,
  LABEL_FONT,
  chartGraph,
  layoutChart,
  modelOrder,
  readingOrder,
  textWidth,
  wrapToWidth,
  type ChartGraph,
  type Layout,
  type NodeBox,
  type Pt,
} from '../../../src/ui/replay/layout';
import { opaqueNames, renamedChart, withSecondLook } from '../../support/variants';

type Config = Record<string, unknown>;

const PEER_REVIEW_META = {
  source: 'test: a designer\u2019s extra step',
  label: 'Decision checked by a second manager',
  description: 'A second manager reads the decision and its rationale before the child\u2019s case goes on.',
  stage: 'decision',
  report: REPORT.awaitingDecision,
  undecided: true,
  work: { role: 'teamManager', activity: 'thresholdDecision', done: 'threshold.decided' },
} satisfies StateMeta;

/**
 * The 2015 chart with a state between the threshold decision and where it leads: every decision
 * is checked by a second manager, who sends the case on by the level decided. The new state is
 * described only by its meta; its name appears nowhere in the layout.
 */
function withPeerReview(): AnyStateMachine {
  const config = spa2015.config as unknown as Config & { states: Record<string, Config & { on?: Config }> };
  const deciding = config.states.awaitingDecision;
  const states = {
    ...config.states,
    awaitingDecision: { ...deciding, on: { ...deciding.on, 'threshold.decided': { target: 'decisionCheckedByPeer' } } },
    decisionCheckedByPeer: { meta: PEER_REVIEW_META, on: { ...onClockElapsed, 'threshold.decided': decisionTransitions('recordDecisionWithRationale') } },
  };
  return spaSetup.createMachine({ ...config, id: 'spa2015-peer-review', states } as unknown as Parameters<typeof spaSetup.createMachine>[0]) as unknown as AnyStateMachine;
}

const chart2013 = PROCESSES['2013'] as unknown as AnyStateMachine;
const CHARTS: [string, AnyStateMachine][] = [
  ['2013', chart2013],
  ['2015', PROCESSES['2015'] as unknown as AnyStateMachine],
  ['2015 with a decision checked by a second manager', withPeerReview()],
  ['2015 with a second look before the decision', withSecondLook()],
  ['2013 with every state renamed', renamedChart(chart2013, (s) => opaqueNames(chart2013).get(s)!)],
];

const EPS = 0.6; // coordinates are rounded to 0.1
const right = (n: NodeBox) => n.x + n.w;
const bottom = (n: NodeBox) => n.y + n.h;

/** The count badge's rectangle: across the right-hand border, centred vertically. */
const badge = (n: NodeBox) => ({ x: right(n) - BADGE_IN, y: n.y + n.h / 2 - BADGE_H / 2, w: BADGE_IN + BADGE_OUT, h: BADGE_H });

type Rect = { x: number; y: number; w: number; h: number };
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;

/** An axis-aligned segment passes through the inside of a rectangle (touching its border does not count). */
function crosses(a: Pt, b: Pt, r: Rect): boolean {
  const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x0 < r.x + r.w - EPS && x1 > r.x + EPS && y0 < r.y + r.h - EPS && y1 > r.y + EPS;
}

/** On the border of a box: on one of its sides, within the side's length. */
function onBorder(p: Pt, n: NodeBox): boolean {
  const withinX = p.x >= n.x - EPS && p.x <= right(n) + EPS;
  const withinY = p.y >= n.y - EPS && p.y <= bottom(n) + EPS;
  return (withinX && (Math.abs(p.y - n.y) <= EPS || Math.abs(p.y - bottom(n)) <= EPS)) || (withinY && (Math.abs(p.x - n.x) <= EPS || Math.abs(p.x - right(n)) <= EPS));
}

describe('the statechart layout', () => {
  const layouts = new Map<string, { graph: ChartGraph; layout: Layout }>();
  beforeAll(async () => {
    for (const [name, machine] of CHARTS) {
      const graph = chartGraph(machine);
      layouts.set(name, { graph, layout: await layoutChart(graph) });
    }
  }, 120_000);

  for (const [name, machine] of CHARTS) {
    describe(name, () => {
      const get = () => layouts.get(name)!;
      const byName = () => new Map(get().layout.nodes.map((n) => [n.name, n]));

      it('gives every state a box, in the order of the chart, and every transition an arrow with its events', () => {
        const { layout } = get();
        expect(layout.nodes.map((n) => n.name)).toEqual(stateInfos(machine).map((s) => s.name));
        expect(layout.edges.map((e) => [e.from, e.to, e.events])).toEqual(machineEdges(machine).map((e) => [e.from, e.to, e.events]));
        for (const n of layout.nodes) {
          expect(n.w, n.name).toBeGreaterThan(0);
          expect(n.h, n.name).toBeGreaterThan(0);
          expect(n.lines.length, n.name).toBeGreaterThan(0);
        }
      });

      it('keeps every box, with its count badge, clear of every other box and badge, inside the drawing', () => {
        const { layout } = get();
        for (const a of layout.nodes) {
          expect(a.x >= 0 && a.y >= 0 && right(a) + BADGE_OUT <= layout.width + EPS && bottom(a) <= layout.height + EPS, `${a.name} inside the drawing`).toBe(true);
          for (const b of layout.nodes) {
            if (a === b) continue;
            expect(overlap(a, b), `${a.name} overlaps ${b.name}`).toBe(false);
            expect(overlap(badge(a), b), `the badge of ${a.name} overlaps ${b.name}`).toBe(false);
            expect(overlap(badge(a), badge(b)), `the badges of ${a.name} and ${b.name} overlap`).toBe(false);
          }
        }
      });

      it('routes every arrow in straight horizontal and vertical runs, through no box and no badge', () => {
        const { layout } = get();
        for (const e of layout.edges) {
          expect(e.points.length, `${e.from}>${e.to}`).toBeGreaterThanOrEqual(2);
          for (let i = 1; i < e.points.length; i++) {
            const [a, b] = [e.points[i - 1], e.points[i]];
            expect(Math.abs(a.x - b.x) < EPS || Math.abs(a.y - b.y) < EPS, `${e.from}>${e.to} segment ${i} is orthogonal`).toBe(true);
            for (const n of layout.nodes) {
              expect(crosses(a, b, n), `${e.from}>${e.to} segment ${i} passes through ${n.name}`).toBe(false);
              expect(crosses(a, b, badge(n)), `${e.from}>${e.to} segment ${i} passes through the badge of ${n.name}`).toBe(false);
            }
          }
        }
      });

      it('starts every arrow on its source box\u2019s border and ends it on its target box\u2019s border', () => {
        const { layout } = get();
        const boxes = byName();
        for (const e of layout.edges) {
          expect(onBorder(e.points[0], boxes.get(e.from)!), `${e.from}>${e.to} starts on ${e.from}`).toBe(true);
          expect(onBorder(e.points[e.points.length - 1], boxes.get(e.to)!), `${e.from}>${e.to} ends on ${e.to}`).toBe(true);
          expect(e.d.startsWith(`M${e.points[0].x},${e.points[0].y}`)).toBe(true);
          const end = e.points[e.points.length - 1];
          expect(e.d.endsWith(`L${end.x},${end.y}`)).toBe(true);
        }
      });

      it('puts the first state on top and the end states at the bottom', () => {
        const { graph, layout } = get();
        const boxes = byName();
        const first = boxes.get(graph.initial)!;
        const ends = graph.states.filter((s) => s.final).map((s) => boxes.get(s.name)!);
        for (const n of layout.nodes) if (n !== first) expect(n.y, n.name).toBeGreaterThanOrEqual(bottom(first));
        const lowestMiddle = Math.max(...graph.states.filter((s) => !s.final).map((s) => bottom(boxes.get(s.name)!)));
        for (const n of ends) expect(n.y, n.name).toBeGreaterThan(lowestMiddle);
        expect(readingOrder(layout.nodes)[0]).toBe(layout.nodes.indexOf(first));
      });

      it('leaves room in each box for its words and its badge', () => {
        for (const n of get().layout.nodes)
          for (const line of n.lines) expect(PAD_X + textWidth(line, LABEL_FONT) + 2, `${n.name}: ${line}`).toBeLessThanOrEqual(n.w - BADGE_IN);
      });

      it('gives the same layout for the same chart', async () => {
        expect(await layoutChart(chartGraph(machine))).toEqual(get().layout);
      }, 60_000);
    });
  }

  it('draws the state a designer added where its meta puts it: after the decision, before where the decision leads', () => {
    const { layout } = layouts.get('2015 with a decision checked by a second manager')!;
    const boxes = new Map(layout.nodes.map((n) => [n.name, n]));
    const added = layout.nodes.find((n) => n.lines.join(' ') === PEER_REVIEW_META.label)!;
    expect(added).toBeDefined();
    expect(added.y).toBeGreaterThanOrEqual(bottom(boxes.get('awaitingDecision')!));
    for (const e of layout.edges.filter((x) => x.from === added.name && x.to !== 'strategyDiscussion')) expect(boxes.get(e.to)!.y, e.to).toBeGreaterThanOrEqual(bottom(added));
  });

  it('puts the states the two shipped charts share in the same order, left to right, wherever they share a row', () => {
    const rows = (l: Layout) => {
      const order = readingOrder(l.nodes).map((i) => l.nodes[i]);
      const rowOf = new Map<string, number>();
      let row = -1;
      let rowBottom = -Infinity;
      for (const n of order) {
        if (n.y >= rowBottom) {
          row++;
          rowBottom = bottom(n);
        }
        rowOf.set(n.name, row);
      }
      return { rowOf, x: new Map(l.nodes.map((n) => [n.name, n.x])) };
    };
    const a = rows(layouts.get('2013')!.layout);
    const b = rows(layouts.get('2015')!.layout);
    const shared = [...a.rowOf.keys()].filter((n) => b.rowOf.has(n));
    expect(shared.length).toBeGreaterThan(8);
    let pairs = 0;
    for (const p of shared)
      for (const q of shared) {
        if (p >= q || a.rowOf.get(p) !== a.rowOf.get(q) || b.rowOf.get(p) !== b.rowOf.get(q)) continue;
        pairs++;
        expect(Math.sign(a.x.get(p)! - a.x.get(q)!), `${p} and ${q}`).toBe(Math.sign(b.x.get(p)! - b.x.get(q)!));
      }
    expect(pairs).toBeGreaterThan(10);
  });

  it('lays out a chart whose states are all renamed exactly as the original', () => {
    const original = layouts.get('2013')!.layout;
    const renamed = layouts.get('2013 with every state renamed')!.layout;
    const names = opaqueNames(chart2013);
    expect(renamed.nodes).toEqual(original.nodes.map((n) => ({ ...n, name: names.get(n.name) })));
    expect(renamed.edges).toEqual(original.edges.map((e) => ({ ...e, from: names.get(e.from), to: names.get(e.to) })));
  });

  it('wraps labels at spaces, a word longer than the line on a line of its own', () => {
    const chars = (t: string) => t.length;
    expect(wrapToWidth('Awaiting threshold decision', 10, 18, false, chars)).toEqual(['Awaiting threshold', 'decision']);
    expect(wrapToWidth('Child-in-need-and-more plan', 10, 10, false, chars)).toEqual(['Child-in-need-and-more', 'plan']);
  });

  it('orders a state with no stage just after the state it is first reached from', () => {
    const graph = chartGraph(PROCESSES['2015'] as unknown as AnyStateMachine);
    const extra = { name: 'x', label: 'Extra', stage: null, final: false, tag: null };
    const withExtra: ChartGraph = { ...graph, states: [...graph.states, extra], edges: [...graph.edges, { from: 'awaitingDecision', to: 'x', events: ['e'] }] };
    const ordered = modelOrder(withExtra);
    const order = ordered.map((s) => s.name);
    expect(order[0]).toBe(graph.initial);
    // Just after the states of the stage it is reached from (2015 has two decision states: the
    // ordinary one and the one on CAMHS's assessment), before the next stage's.
    const lastDecision = Math.max(...ordered.flatMap((s, i) => (s.stage === 'decision' ? [i] : [])));
    expect(lastDecision).toBeGreaterThanOrEqual(order.indexOf('awaitingDecision'));
    expect(order.indexOf('x')).toBe(lastDecision + 1);
  });

  it('orders states by their stage in the journey, a strategy discussion before an assessment (child protection found in one goes back up)', () => {
    const states = [...STAGES].reverse().map((stage, i) => ({ name: `s${i}`, label: stage, stage, final: false, tag: null }));
    const order = modelOrder({ states, initial: states[states.length - 1].name, edges: [] }).map((s) => s.stage);
    expect(order.slice(0, 4)).toEqual(['screening', 'informationGathering', 'hold', 'decision']);
    expect(order.indexOf('strategyDiscussion')).toBeLessThan(order.indexOf('assessment'));
    expect(order.slice(-2)).toEqual(['plan', 'closure']);
  });

  it('never draws text below 11 px: the smallest text at the smallest scale', () => {
    expect(MIN_FONT * MIN_SCALE).toBeGreaterThanOrEqual(11);
  });
});

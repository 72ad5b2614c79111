/**
 * Where each state of a statechart sits in its diagram, and how the arrows run: an automatic
 * layered layout by ELK (elkjs), the same for every chart, the shipped ones and a designer's own.
 *
 * Graph in, layout out: no React, no DOM. Boxes are sized from their words (measured by the
 * caller, with the page's font in the browser; estimated otherwise), ELK places them in layers
 * from the first state down, with the end states in the bottom layer, and routes the arrows
 * orthogonally between the boxes; the arrows are drawn from ELK's edge sections.
 *
 * Two charts that share states should read alike side by side. Nothing here names a state:
 * the order ELK is given (its "model order", which it keeps where it can) comes from each state's
 * stage in the journey (its meta), so states of the same stages come out in the same order.
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { AnyStateMachine } from 'xstate';
import type { Stage } from '../../core/processes';
import { machineEdges, stateInfos, type Edge } from '../../core/timeline';

// ---------------------------------------------------------------------------------------------
// The graph and the layout
// ---------------------------------------------------------------------------------------------

export interface ChartState {
  name: string;
  /** The words in the box. */
  label: string;
  stage: Stage | null;
  final: boolean;
  /** A warning shown in words under the label (hidden from the report, no social worker). */
  tag: string | null;
}

export interface ChartGraph {
  /** Every top-level state, in definition order. */
  states: ChartState[];
  initial: string;
  edges: Edge[];
}

export interface Pt {
  x: number;
  y: number;
}

export interface NodeBox {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The label, wrapped to the box. */
  lines: string[];
  /** The tag, wrapped to the box (empty if none). */
  tagLines: string[];
}

export interface EdgePath {
  from: string;
  to: string;
  events: string[];
  /** The route: start on the source box's border, bends, end on the target box's border. */
  points: Pt[];
  /** SVG path data for the route, corners rounded. */
  d: string;
}

export interface Layout {
  width: number;
  height: number;
  /** In the order of the graph's states. */
  nodes: NodeBox[];
  /** In the order of the graph's edges. */
  edges: EdgePath[];
}

/** The graph of a machine: its top-level states with their meta, and its transitions. */
export function chartGraph(machine: AnyStateMachine): ChartGraph {
  const states = stateInfos(machine).map((s) => ({
    name: s.name,
    label: s.label,
    stage: s.stage,
    final: s.final,
    tag: s.hidden ? 'HIDDEN FROM REPORT' : s.unallocated ? 'NO SOCIAL WORKER' : null,
  }));
  const initial = machine.root.initial?.target[0]?.key ?? states[0]?.name ?? '';
  return { states, initial, edges: machineEdges(machine) };
}

// ---------------------------------------------------------------------------------------------
// Sizes. Text is never drawn below MIN_FONT units, and the diagram is never drawn smaller than
// MIN_SCALE of its own size, so no text is ever below 11 px on screen.
// ---------------------------------------------------------------------------------------------

export const LABEL_FONT = 12.5;
export const TAG_FONT = 12;
export const BADGE_FONT = 13;
export const LINE = 15;
export const MIN_FONT = Math.min(LABEL_FONT, TAG_FONT, BADGE_FONT);
/** The smallest scale the diagram may be drawn at: its smallest text then shows at 11 px. */
export const MIN_SCALE = 11 / MIN_FONT;
/**
 * The width a diagram should fit in, in diagram units: a pane of the side-by-side replay view on
 * a screen 1280 px wide (the projector it is laid out for: 616 px), at MIN_SCALE. Labels are
 * wrapped narrower, down to a point, to fit it; a wider chart scrolls sideways in its pane.
 */
export const FIT_WIDTH = Math.floor(616 / MIN_SCALE);

/** Where text starts inside a box. */
export const PAD_X = 9;
const PAD_Y = 7;
/**
 * The widest a line of label may be, in diagram units: for the end states (all in the bottom
 * layer, the widest) and for the others, tried in turn until the chart fits.
 */
const TEXT_WIDTHS: readonly [ends: number, others: number][] = [
  [112, 112],
  [96, 112],
  [80, 112],
  [80, 96],
  [80, 80],
];
const MIN_W = 72;
export const BADGE_H = 22;
/**
 * The count badge straddles a box's right-hand border, vertically centred (arrows meet boxes
 * only at top and bottom): it starts BADGE_IN inside the border, the label keeps BADGE_ROOM
 * clear of the border, and BADGE_OUT is kept clear outside for up to three digits (a
 * fourth takes some of the space between boxes).
 */
export const BADGE_IN = 14;
const BADGE_ROOM = 20;
export const BADGE_OUT = 21;
export const badgeWidth = (text: string) => Math.max(26, 12 + text.length * 7.5);

/**
 * How wide a text is drawn, in diagram units. In the browser, pass one that measures with the
 * page's own font (a canvas); the default, textWidth, estimates it.
 */
export type Measure = (text: string, size: number, bold: boolean) => number;

/**
 * An estimate of how wide a text is drawn: average advance widths (per 1000 units of font size)
 * of a plain sans-serif (Arial's metrics, which system-ui fonts come close to), plus a margin.
 */
const NARROW = new Set("iljtfrI.,;:'!|() -");
const WIDE = new Set('mwMW');
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) units += ch === ' ' ? 278 : ch === 'r' || ch === 'f' || ch === 't' || ch === '-' ? 333 : 240;
    else if (WIDE.has(ch)) units += 850;
    else if (ch >= 'A' && ch <= 'Z') units += 700;
    else units += 556;
  }
  return (units / 1000) * size * (bold ? 1.1 : 1) * 1.08;
}

/** Split text into lines no wider than `max` units, at spaces (a longer word gets a line of its own). */
export function wrapToWidth(text: string, size: number, max: number, bold = false, measure: Measure = textWidth): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, bold) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface Box {
  w: number;
  h: number;
  lines: string[];
  tagLines: string[];
}

export function boxOf(s: ChartState, measure: Measure = textWidth, maxText = TEXT_WIDTHS[0][1]): Box {
  const lines = wrapToWidth(s.label, LABEL_FONT, maxText, false, measure);
  const textW = Math.max(...lines.map((l) => measure(l, LABEL_FONT, false)));
  const tagLines = s.tag ? wrapToWidth(s.tag, TAG_FONT, Math.max(textW, TEXT_WIDTHS[0][1] - 12), true, measure) : [];
  const tagW = Math.max(0, ...tagLines.map((l) => measure(l, TAG_FONT, true)));
  const w = Math.ceil(Math.max(MIN_W, PAD_X + Math.max(textW, tagW) + BADGE_ROOM));
  const h = Math.max(36, PAD_Y * 2 + (lines.length + tagLines.length) * LINE);
  return { w, h, lines, tagLines };
}

// ---------------------------------------------------------------------------------------------
// ELK
// ---------------------------------------------------------------------------------------------

const NODE_GAP = 12;
const SIDE_PAD = 6;
/**
 * Layered, top to bottom, orthogonal arrows. Spacing leaves room for an arrowhead and a corner
 * between layers, and keeps arrows apart. The order the states are given in (model order)
 * decides which arrows of a loop point up and, weighed against crossings, the order of the
 * boxes in a layer, so that two charts with the same stages come out alike; network-simplex
 * placement keeps arrows straight and the chart narrow. ELK is deterministic for a given seed.
 */
export const ELK_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.randomSeed': '1',
  'elk.padding': `[top=10,left=${SIDE_PAD},bottom=10,right=${SIDE_PAD}]`,
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.spacing.labelNode': '0',
  'elk.layered.spacing.nodeNodeBetweenLayers': '30',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '9',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '9',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.considerModelOrder.crossingCounterNodeInfluence': '0.5',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  // Within a layer, states keep the model order (by stage): charts that share states draw them in the same order.
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.thoroughness': '20',
};

/**
 * Stages in the order the diagram reads them, left to right and top to bottom (a Record, so a new
 * stage cannot be left out). As STAGES, except that a strategy discussion (and the joint visit it
 * arranges) comes before an assessment: child protection found during an assessment goes back up
 * to the strategy discussion, which sits beside the other responses to a threshold decision.
 */
const STAGE_RANK: Record<Stage, number> = {
  screening: 0,
  informationGathering: 1,
  hold: 2,
  decision: 3,
  escalatedDecision: 4,
  // Out of hours the EDT responds in place of the SPA's decision, and hands over to the strategy discussion.
  emergencyResponse: 5,
  allocatedWorker: 6,
  advice: 7,
  earlyHelp: 8,
  referral: 9,
  strategyDiscussion: 10,
  jointVisit: 11,
  assessment: 12,
  section47Enquiry: 13,
  conference: 14,
  plan: 15,
  closure: 16,
};
const STAGE_COUNT = Object.keys(STAGE_RANK).length;

/**
 * The order states are handed to ELK: by stage in the journey (STAGE_RANK), the first state
 * first; a state with no stage goes just after the state it is first reached from.
 */
export function modelOrder(graph: ChartGraph): ChartState[] {
  const rank = new Map<string, number>();
  rank.set(graph.initial, -1);
  for (const s of graph.states) if (s.stage && s.name !== graph.initial) rank.set(s.name, STAGE_RANK[s.stage]);
  // States with no stage: breadth first from the first state, just after where they are reached from.
  const queue = [graph.initial];
  const seen = new Set(queue);
  while (queue.length) {
    const from = queue.shift()!;
    for (const e of graph.edges) {
      if (e.from !== from || seen.has(e.to)) continue;
      seen.add(e.to);
      queue.push(e.to);
      if (!rank.has(e.to)) rank.set(e.to, rank.get(from)! + 0.5);
    }
  }
  const index = new Map(graph.states.map((s, i) => [s.name, i]));
  const r = (s: ChartState) => rank.get(s.name) ?? STAGE_COUNT + index.get(s.name)!;
  return [...graph.states].sort((a, b) => r(a) - r(b) || index.get(a.name)! - index.get(b.name)!);
}

/** The graph as ELK takes it: boxes in model order, the first state in the top layer, end states in the bottom one. */
export function elkGraph(graph: ChartGraph, boxes: ReadonlyMap<string, Box>, options: LayoutOptions = {}): ElkNode {
  const ordered = modelOrder(graph);
  const pos = new Map(ordered.map((s, i) => [s.name, i]));
  const edges = graph.edges
    .map((e, i) => ({ e, i }))
    .sort((a, b) => pos.get(a.e.from)! - pos.get(b.e.from)! || pos.get(a.e.to)! - pos.get(b.e.to)! || a.i - b.i);
  return {
    id: 'chart',
    layoutOptions: { ...ELK_OPTIONS, ...options },
    children: ordered.map((s) => {
      const b = boxes.get(s.name)!;
      const constraint = s.name === graph.initial ? 'FIRST' : s.final ? 'LAST' : null;
      return {
        id: s.name,
        width: b.w,
        height: b.h,
        // The badge's room outside the box, as a label: ELK keeps other boxes and arrows clear
        // of a node's labels (margins given as an option it recomputes and ignores).
        labels: [{ id: `${s.name}:badge`, text: 'count', width: BADGE_OUT, height: BADGE_H }],
        layoutOptions: {
          'elk.nodeLabels.placement': '[OUTSIDE, H_RIGHT, V_CENTER]',
          ...(constraint ? { 'elk.layered.layering.layerConstraint': constraint } : {}),
        },
      };
    }),
    edges: edges.map(({ e, i }): ElkExtendedEdge => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  };
}

/** What lays out an ELK graph: ELK in this thread, or ELK in a web worker (elkjs's API). */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let bundled: Promise<ElkEngine> | null = null;
/**
 * ELK in the calling thread, loaded on first use (its code is large). Node has no web worker
 * for it; the browser passes one (useChartLayout).
 */
export function bundledElk(): ElkEngine {
  bundled ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return { layout: (graph) => bundled!.then((elk) => elk.layout(graph)) };
}

const round = (n: number) => Math.round(n * 10) / 10;

export interface LayoutSettings {
  /** How text is measured (default: estimated). */
  measure?: Measure;
  /** Wrap labels narrower (down to a point) until the chart is no wider than this. */
  fitWidth?: number;
  /** ELK options over ELK_OPTIONS. */
  elk?: LayoutOptions;
  /** Who runs ELK (default: bundledElk). */
  engine?: ElkEngine;
}

/** Lay out a chart. The same graph and settings always give the same layout. */
export async function layoutChart(graph: ChartGraph, settings: LayoutSettings = {}): Promise<Layout> {
  const { measure = textWidth, fitWidth = FIT_WIDTH, elk: options = {}, engine = bundledElk() } = settings;
  let best: Layout | null = null;
  for (const [k, [ends, others]] of TEXT_WIDTHS.entries()) {
    const boxes = new Map(graph.states.map((s) => [s.name, boxOf(s, measure, s.final ? ends : others)]));
    // The end states share the bottom layer: if they alone are too wide side by side, wrap
    // narrower without asking ELK.
    if (k < TEXT_WIDTHS.length - 1 && bottomLayerWidth(graph, boxes) > fitWidth) continue;
    const layout = await layoutOnce(engine, graph, boxes, options);
    if (!best || layout.width < best.width) best = layout;
    if (layout.width <= fitWidth) return layout;
  }
  return best!;
}

function bottomLayerWidth(graph: ChartGraph, boxes: ReadonlyMap<string, Box>): number {
  const ends = graph.states.filter((s) => s.final && s.name !== graph.initial);
  return ends.reduce((a, s) => a + boxes.get(s.name)!.w + BADGE_OUT, 0) + Math.max(0, ends.length - 1) * NODE_GAP + 2 * SIDE_PAD;
}

async function layoutOnce(engine: ElkEngine, graph: ChartGraph, boxes: ReadonlyMap<string, Box>, options: LayoutOptions): Promise<Layout> {
  const out = await engine.layout(elkGraph(graph, boxes, options));
  const placed = new Map((out.children ?? []).map((c) => [c.id, c]));
  const nodes: NodeBox[] = graph.states.map((s) => {
    const c = placed.get(s.name)!;
    const b = boxes.get(s.name)!;
    return { name: s.name, x: round(c.x!), y: round(c.y!), w: b.w, h: b.h, lines: b.lines, tagLines: b.tagLines };
  });
  const routed = new Map((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const edges: EdgePath[] = graph.edges.map((e, i) => {
    const points: Pt[] = [];
    for (const s of routed.get(`e${i}`)?.sections ?? []) {
      for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
        const q = { x: round(p.x), y: round(p.y) };
        const last = points[points.length - 1];
        if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
      }
    }
    return { ...e, points, d: roundedPath(points) };
  });
  // ELK keeps BADGE_OUT clear beside each box; a four-digit count takes a little more.
  const width = Math.max(out.width ?? 0, ...nodes.map((n) => n.x + n.w - BADGE_IN + badgeWidth('0000') + 2));
  return { width: Math.ceil(width), height: Math.ceil(out.height ?? 0), nodes, edges };
}

/** An orthogonal route as SVG path data, each corner rounded with a radius up to `r`. */
export function roundedPath(points: readonly Pt[], r = 6): string {
  if (points.length === 0) return '';
  const f = (n: number) => String(round(n));
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r1 = Math.min(r, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const towards = (p: Pt, q: Pt, len: number) => {
      const l = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { x: p.x + ((q.x - p.x) / l) * len, y: p.y + ((q.y - p.y) / l) * len };
    };
    const p1 = towards(b, a, r1);
    const p2 = towards(b, c, r1);
    d += ` L${f(p1.x)},${f(p1.y)} Q${f(b.x)},${f(b.y)} ${f(p2.x)},${f(p2.y)}`;
  }
  const last = points[points.length - 1];
  return `${d} L${f(last.x)},${f(last.y)}`;
}

/** Reading order of the boxes: row by row from the top (boxes that overlap vertically share a row), left to right. */
export function readingOrder(nodes: readonly NodeBox[]): number[] {
  const byTop = nodes.map((n, i) => ({ n, i })).sort((a, b) => a.n.y - b.n.y || a.n.x - b.n.x);
  const rows: { bottom: number; items: { n: NodeBox; i: number }[] }[] = [];
  for (const item of byTop) {
    const row = rows[rows.length - 1];
    if (row && item.n.y < row.bottom) {
      row.items.push(item);
    } else rows.push({ bottom: item.n.y + item.n.h, items: [item] });
  }
  return rows.flatMap((row) => row.items.sort((a, b) => a.n.x - b.n.x).map((o) => o.i));
}

/**
 * A rough size for a chart before ELK has laid it out (for a placeholder that keeps the page
 * still): ELK's layers (the longest path from the first state, with the arrows that go against
 * model order turned round, as ELK turns them; the end states last), each as tall as its tallest
 * box plus room for arrows, and the widest layer's boxes side by side (up to FIT_WIDTH).
 */
export function estimateSize(graph: ChartGraph, measure: Measure = textWidth): { width: number; height: number } {
  const boxes = new Map(graph.states.map((s) => [s.name, boxOf(s, measure)]));
  const pos = new Map(modelOrder(graph).map((s, i) => [s.name, i]));
  const final = new Set(graph.states.filter((s) => s.final).map((s) => s.name));
  const depth = new Map(graph.states.map((s) => [s.name, 0]));
  for (let pass = 0; pass < graph.states.length; pass++) {
    for (const e of graph.edges) {
      const [from, to] = pos.get(e.from)! < pos.get(e.to)! ? [e.from, e.to] : [e.to, e.from];
      depth.set(to, Math.max(depth.get(to)!, depth.get(from)! + 1));
    }
  }
  const lastMiddle = Math.max(0, ...graph.states.filter((s) => !final.has(s.name)).map((s) => depth.get(s.name)!));
  const layers = new Map<number, { w: number; h: number }>();
  for (const s of graph.states) {
    const d = final.has(s.name) ? lastMiddle + 1 : depth.get(s.name)!;
    const b = boxes.get(s.name)!;
    const l = layers.get(d) ?? { w: 2 * SIDE_PAD - NODE_GAP, h: 0 };
    layers.set(d, { w: l.w + b.w + BADGE_OUT + NODE_GAP, h: Math.max(l.h, b.h) });
  }
  const all = [...layers.values()];
  const height = all.reduce((a, l) => a + l.h + 40, 0);
  return { width: Math.min(FIT_WIDTH, Math.ceil(Math.max(...all.map((l) => l.w)))), height: Math.ceil(height) };
}

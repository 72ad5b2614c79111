/**
 * Where each state of a statechart sits in its diagram, and how the arrows run.
 *
 * The 2013 and 2015 charts have a fixed layout by hand (grid columns and rows), with the states
 * they share in the same places so the two panes can be compared at a glance; the 2013 hold sits
 * where 2015 has its qualified information gathering. A chart this file does not know (a service
 * designer's own) gets a simple layered layout computed from its transitions.
 * Pure: no React, no DOM.
 */
import type { Edge } from '../../core/timeline';

export const NODE_W = 140;
export const NODE_H = 40;
const COL = 152;
const ROW = 54;
const MARGIN_X = 8;
const MARGIN_TOP = 22; // room for the badges and tags above the first row

type Grid = Record<string, [col: number, row: number]>;

const SHARED: Grid = {
  received: [1.5, 0],
  withAllocatedWorker: [0, 1],
  awaitingDecision: [1.5, 2],
  adviceGiven: [0, 3],
  earlyHelp: [1, 3],
  awaitingAllocation: [2, 3],
  strategyDiscussion: [3, 3],
  assessment: [2, 4],
  section47Enquiry: [3, 5],
  closed: [1, 6],
  childInNeedPlan: [2, 6],
  childProtectionPlan: [3, 6],
};

export const HAND_LAYOUTS: Record<string, Grid> = {
  spa2013: { ...SHARED, heldByCaseCoordinator: [2.5, 1], awaitingJointVisit: [3, 4] },
  spa2015: { ...SHARED, informationGathering: [2, 1], camhsScreening: [3, 1], escalatedToManager: [3, 2] },
};

export interface NodeBox {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EdgePath {
  from: string;
  to: string;
  events: string[];
  /** SVG path data. */
  d: string;
}

export interface Layout {
  width: number;
  height: number;
  nodes: NodeBox[];
  edges: EdgePath[];
}

/** A layered layout: depth from the first state by breadth-first search, in columns by order. */
function layered(states: readonly string[], edges: readonly Edge[]): Grid {
  const depth = new Map<string, number>([[states[0], 0]]);
  const queue = [states[0]];
  while (queue.length) {
    const s = queue.shift()!;
    for (const e of edges) {
      if (e.from === s && !depth.has(e.to)) {
        depth.set(e.to, depth.get(s)! + 1);
        queue.push(e.to);
      }
    }
  }
  let maxDepth = Math.max(0, ...depth.values());
  for (const s of states) if (!depth.has(s)) depth.set(s, ++maxDepth);
  const rows = new Map<number, string[]>();
  for (const s of states) {
    const d = depth.get(s)!;
    rows.set(d, [...(rows.get(d) ?? []), s]);
  }
  const grid: Grid = {};
  for (const [row, names] of rows) {
    names.forEach((n, i) => {
      const perRow = 4;
      grid[n] = [(i % perRow) + (names.length < perRow ? (perRow - Math.min(names.length, perRow)) / 2 : 0), row + Math.floor(i / perRow) * 0.8];
    });
  }
  return grid;
}

export function layoutChart(machineId: string, states: readonly string[], edges: readonly Edge[]): Layout {
  const hand = HAND_LAYOUTS[machineId];
  const grid = hand && states.every((s) => hand[s]) ? hand : layered(states, edges);
  const nodes: NodeBox[] = states.map((name) => {
    const [c, r] = grid[name];
    return { name, x: MARGIN_X + c * COL, y: MARGIN_TOP + r * ROW, w: NODE_W, h: NODE_H };
  });
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const width = Math.max(...nodes.map((n) => n.x + n.w)) + MARGIN_X + 12;
  const height = Math.max(...nodes.map((n) => n.y + n.h)) + 8;
  const ports = assignPorts(edges, byName);
  const paths = edges.map((e, i) => ({ ...e, d: route(byName.get(e.from)!, byName.get(e.to)!, ports[i], nodes) }));
  return { width, height, nodes, edges: paths };
}

interface Pt {
  x: number;
  y: number;
}

type Side = 'top' | 'bottom' | 'left' | 'right';

const centre = (n: NodeBox): Pt => ({ x: n.x + n.w / 2, y: n.y + n.h / 2 });

/**
 * Where each arrow leaves and enters: downward arrows leave the bottom and enter the top,
 * upward ones the reverse, sideways ones the sides. Arrows sharing a side are spread along it in
 * the order of the boxes at their other ends, so fans do not cross at the box (the right-hand
 * end of a top side is kept clear for the count badge).
 */
function assignPorts(edges: readonly Edge[], byName: Map<string, NodeBox>): { a: Pt; b: Pt; aSide: Side; bSide: Side }[] {
  const sides = edges.map((e) => {
    const f = byName.get(e.from)!;
    const t = byName.get(e.to)!;
    if (t.y > f.y + 1) return { aSide: 'bottom' as Side, bSide: 'top' as Side };
    if (t.y < f.y - 1) return { aSide: 'top' as Side, bSide: 'bottom' as Side };
    return t.x > f.x ? { aSide: 'right' as Side, bSide: 'left' as Side } : { aSide: 'left' as Side, bSide: 'right' as Side };
  });
  // Group the ends by box and side.
  const groups = new Map<string, { edge: number; end: 'a' | 'b'; other: NodeBox }[]>();
  edges.forEach((e, i) => {
    const f = byName.get(e.from)!;
    const t = byName.get(e.to)!;
    const ka = `${e.from}|${sides[i].aSide}`;
    const kb = `${e.to}|${sides[i].bSide}`;
    groups.set(ka, [...(groups.get(ka) ?? []), { edge: i, end: 'a', other: t }]);
    groups.set(kb, [...(groups.get(kb) ?? []), { edge: i, end: 'b', other: f }]);
  });
  const out = sides.map((s) => ({ ...s, a: { x: 0, y: 0 }, b: { x: 0, y: 0 } }));
  for (const [key, list] of groups) {
    const [name, side] = key.split('|') as [string, Side];
    const n = byName.get(name)!;
    const horizontal = side === 'top' || side === 'bottom';
    list.sort((p, q) => (horizontal ? centre(p.other).x - centre(q.other).x || centre(p.other).y - centre(q.other).y : centre(p.other).y - centre(q.other).y));
    const span = horizontal ? n.w - (side === 'top' ? 34 : 12) : n.h - 12;
    list.forEach((item, k) => {
      const f = (k + 1) / (list.length + 1);
      const pt: Pt = horizontal
        ? { x: n.x + 6 + span * f, y: side === 'top' ? n.y : n.y + n.h }
        : { x: side === 'left' ? n.x : n.x + n.w, y: n.y + 6 + span * f };
      out[item.edge][item.end] = pt;
    });
  }
  return out;
}

function inside(p: Pt, n: NodeBox, pad: number): boolean {
  return p.x > n.x - pad && p.x < n.x + n.w + pad && p.y > n.y - pad && p.y < n.y + n.h + pad;
}

function cubic(a: Pt, c1: Pt, c2: Pt, b: Pt, t: number): Pt {
  const u = 1 - t;
  return {
    x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
    y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y,
  };
}

/** A smooth arrow between two ports; if it would cross another box, bow it out until it does not. */
function route(from: NodeBox, to: NodeBox, port: { a: Pt; b: Pt; aSide: Side; bSide: Side }, nodes: readonly NodeBox[]): string {
  const { a, b } = port;
  const others = nodes.filter((n) => n !== from && n !== to);
  const vertical = port.aSide === 'top' || port.aSide === 'bottom';
  const reach = vertical ? Math.max(18, Math.abs(b.y - a.y) / 2) : Math.max(18, Math.abs(b.x - a.x) / 2);
  const dir = (side: Side): Pt => (side === 'bottom' ? { x: 0, y: 1 } : side === 'top' ? { x: 0, y: -1 } : side === 'right' ? { x: 1, y: 0 } : { x: -1, y: 0 });
  const da = dir(port.aSide);
  const db = dir(port.bSide);
  const clear = (c1: Pt, c2: Pt) => {
    for (let i = 1; i < 30; i++) {
      const p = cubic(a, c1, c2, b, i / 30);
      if (others.some((n) => inside(p, n, 2))) return false;
    }
    return true;
  };
  const f = (n: number) => Math.round(n * 10) / 10;
  let best: [Pt, Pt] = [
    { x: a.x + da.x * reach, y: a.y + da.y * reach },
    { x: b.x + db.x * reach, y: b.y + db.y * reach },
  ];
  for (const off of [0, 50, -50, 90, -90, 130, -130, 170, -170]) {
    const shift = vertical ? { x: off, y: 0 } : { x: 0, y: off };
    const c1 = { x: a.x + da.x * reach + shift.x, y: a.y + da.y * reach + shift.y };
    const c2 = { x: b.x + db.x * reach + shift.x, y: b.y + db.y * reach + shift.y };
    if (clear(c1, c2)) {
      best = [c1, c2];
      break;
    }
  }
  const [c1, c2] = best;
  return `M${f(a.x)},${f(a.y)} C${f(c1.x)},${f(c1.y)} ${f(c2.x)},${f(c2.y)} ${f(b.x)},${f(b.y)}`;
}

/** Split a label into lines of at most `max` characters, at spaces. */
export function wrap(label: string, max = 20): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

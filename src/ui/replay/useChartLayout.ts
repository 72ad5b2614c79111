/**
 * The layout of a statechart's diagram, computed once per chart (ELK is asynchronous): null
 * until it is ready, then the same object on every render, and at once for a chart already laid
 * out (no placeholder flash when a pane mounts again).
 */
import ElkApi from 'elkjs/lib/elk-api.js';
import { useEffect, useMemo, useState } from 'react';
import type { AnyStateMachine } from 'xstate';
import { elkWorker } from '../workers';
import { bundledElk, chartGraph, estimateSize, layoutChart, type ElkEngine, type Layout, type Measure } from './layout';

const layouts = new WeakMap<AnyStateMachine, Promise<Layout>>();
const ready = new WeakMap<AnyStateMachine, Layout>();

/** Measures text with the page's own font, as the diagram will draw it. */
function canvasMeasure(): Measure | undefined {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return undefined;
  const family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, Arial, sans-serif';
  const seen = new Map<string, number>();
  return (text, size, bold) => {
    const key = `${bold ? 'b' : ''}${size}|${text}`;
    let w = seen.get(key);
    if (w === undefined) {
      ctx.font = `${bold ? '700 ' : ''}${size}px ${family}`;
      // A little over the measure: SVG text and canvas text can round differently.
      w = ctx.measureText(text).width * 1.03;
      seen.set(key, w);
    }
    return w;
  };
}

let engine: ElkEngine | null = null;
/**
 * ELK in a web worker of its own, so laying out never holds up the page. If the worker cannot
 * start (a page opened from a file, say), ELK runs in the page instead.
 */
function workerElk(): ElkEngine {
  if (engine) return engine;
  try {
    let fail: (e: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => {});
    const elk = new ElkApi({
      workerFactory: () => {
        const w = elkWorker();
        w.addEventListener('error', (e) => {
          e.preventDefault();
          fail(new Error(e.message || 'the layout worker stopped'));
        });
        return w;
      },
    });
    engine = { layout: (graph) => Promise.race([elk.layout(graph), failed]).catch(() => bundledElk().layout(graph)) };
  } catch {
    engine = bundledElk();
  }
  return engine;
}

/** The layout of a chart, started once and shared by every pane that draws it. */
export function chartLayout(machine: AnyStateMachine): Promise<Layout> {
  let p = layouts.get(machine);
  if (!p) {
    p = layoutChart(chartGraph(machine), { measure: canvasMeasure(), engine: workerElk() });
    p.then(
      (l) => ready.set(machine, l),
      () => layouts.delete(machine), // let a later mount try again
    );
    layouts.set(machine, p);
  }
  return p;
}

export type ChartLayoutState =
  | { status: 'ready'; layout: Layout }
  | { status: 'pending'; size: { width: number; height: number } }
  | { status: 'error'; message: string; size: { width: number; height: number } };

export function useChartLayout(machine: AnyStateMachine): ChartLayoutState {
  const [done, setDone] = useState<{ machine: AnyStateMachine; layout?: Layout; error?: string } | null>(null);
  useEffect(() => {
    if (ready.has(machine)) return;
    let live = true;
    chartLayout(machine).then(
      (layout) => live && setDone({ machine, layout }),
      (e: unknown) => live && setDone({ machine, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [machine]);
  const size = useMemo(() => estimateSize(chartGraph(machine)), [machine]);
  const layout = ready.get(machine) ?? (done?.machine === machine ? done.layout : undefined);
  if (layout) return { status: 'ready', layout };
  if (done?.machine === machine && done.error) return { status: 'error', message: done.error, size };
  return { status: 'pending', size };
}

/**
 * A process statechart drawn from its definition (the statechart is the truth: the same
 * machine the engine runs), with the number of cases in each state at the current moment.
 *
 * Counts are text (black badges); a state hidden from the weekly report is hatched, outlined in
 * red and labelled in words; a state with no named social worker has a dashed outline and a
 * label; end states are rounded. One tab stop: arrow keys move between states, Enter or Space
 * selects one (its cases are listed below, and its description shown).
 */
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { StateInfo } from '../../core/timeline';
import { NODE_H, wrap, type Layout } from './layout';

export interface DiagramProps {
  id: string;
  title: string;
  layout: Layout;
  states: readonly StateInfo[];
  counts: Int32Array;
  selected: string | null;
  /** The state the selected case is in, with its id. */
  caseAt: { state: string; caseId: string } | null;
  countFromLabel: string;
  onSelect: (state: string) => void;
}

const RED = '#d4351c';
const BLUE = '#1d70b8';
const INK = '#0b0c0c';

export const StateDiagram = memo(function StateDiagram({ id, title, layout, states, counts, selected, caseAt, countFromLabel, onSelect }: DiagramProps) {
  const [focus, setFocus] = useState(0);
  const labelOf = useMemo(() => {
    const labels = new Map(states.map((s) => [s.name, s.label]));
    return (name: string) => labels.get(name) ?? name;
  }, [states]);
  const refs = useRef<(SVGGElement | null)[]>([]);
  const order = useMemo(() => {
    // Reading order: by row, then left to right.
    return layout.nodes.map((n, i) => ({ i, y: n.y, x: n.x })).sort((a, b) => a.y - b.y || a.x - b.x).map((o) => o.i);
  }, [layout]);

  const move = (to: number) => {
    setFocus(to);
    refs.current[to]?.focus();
  };

  const onKey = (e: KeyboardEvent, i: number) => {
    const pos = order.indexOf(i);
    let next: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = order[Math.min(order.length - 1, pos + 1)];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = order[Math.max(0, pos - 1)];
    else if (e.key === 'Home') next = order[0];
    else if (e.key === 'End') next = order[order.length - 1];
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(states[i].name);
      return;
    }
    if (next !== null) {
      e.preventDefault();
      move(next);
    }
  };

  return (
    <svg
      className="diagram"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-keys`}
      data-process-diagram={id}
    >
      <title id={`${id}-title`}>{title}</title>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#505a5f" />
        </marker>
        <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#fbe9e6" />
          <line x1="0" y1="0" x2="0" y2="8" stroke={RED} strokeWidth="2.5" strokeOpacity="0.45" />
        </pattern>
      </defs>
      <g aria-hidden="true">
        {layout.edges.map((e) => (
          <path key={`${e.from}>${e.to}`} d={e.d} fill="none" stroke="#7b8285" strokeWidth="1.3" markerEnd={`url(#${id}-arrow)`}>
            <title>{`${labelOf(e.from)} to ${labelOf(e.to)}: ${e.events.join(', ')}`}</title>
          </path>
        ))}
      </g>
      {layout.nodes.map((n, i) => {
        const s = states[i];
        const count = counts[i] ?? 0;
        const isSel = selected === s.name;
        const caseHere = caseAt?.state === s.name;
        const lines = wrap(labelOf(s.name), 18);
        const badge = String(count);
        const bw = Math.max(26, 10 + badge.length * 9);
        const bx = n.x + n.w - bw + 5;
        const tagRoom = bx - n.x - 5;
        const tag = s.hidden ? 'HIDDEN FROM REPORT' : s.unallocated ? 'NO SOCIAL WORKER' : null;
        // The accessible name starts with the words shown (label, count, tag), then explains them.
        const shown = [...lines, badge, ...(tag ? [tag.toLowerCase()] : [])].join(' ');
        const label =
          `${shown}. ${count} ${s.final ? `ended here since ${countFromLabel}` : count === 1 ? 'case here now' : 'cases here now'}` +
          (s.hidden ? '. Hidden from the weekly report' : '') +
          (s.unallocated ? '. No named social worker' : '') +
          (caseHere ? `. Case ${caseAt!.caseId} is here` : '');
        return (
          <g
            key={s.name}
            ref={(el) => {
              refs.current[i] = el;
            }}
            className={`node${isSel ? ' selected' : ''}`}
            role="button"
            tabIndex={i === focus ? 0 : -1}
            aria-pressed={isSel}
            aria-label={label}
            data-state={s.name}
            data-count={count}
            onClick={() => {
              setFocus(i);
              onSelect(s.name);
            }}
            onKeyDown={(e) => onKey(e, i)}
            onFocus={() => setFocus(i)}
          >
            <title>{`${labelOf(s.name)}. ${s.description}`}</title>
            <rect className="focus-ring" x={n.x - 5} y={n.y - 5} width={n.w + 10} height={n.h + 10} rx={s.final ? 26 : 8} />
            <rect
              x={n.x}
              y={n.y}
              width={n.w}
              height={n.h}
              rx={s.final ? 21 : 4}
              fill={s.hidden ? `url(#${id}-hatch)` : s.final ? '#f3f2f1' : '#ffffff'}
              stroke={caseHere ? BLUE : s.hidden ? RED : INK}
              strokeWidth={caseHere ? 4 : isSel ? 3.5 : s.hidden ? 2.5 : 1.4}
              strokeDasharray={s.unallocated ? '6 4' : undefined}
            />
            {isSel && <rect x={n.x + 3} y={n.y + 3} width={n.w - 6} height={n.h - 6} rx={s.final ? 18 : 2} fill="none" stroke={INK} strokeWidth="1.5" />}
            {lines.map((line, k) => (
              <text key={k} x={n.x + 9} y={n.y + NODE_H / 2 + (k - (lines.length - 1) / 2) * 14 + 4.5} fontSize="12.5" fill={INK} fontWeight={isSel ? 700 : 400}>
                {line}{' '}
              </text>
            ))}
            <g className="badge">
              <rect x={bx} y={n.y - 13} width={bw} height="22" rx="11" fill={count > 0 ? INK : '#ffffff'} stroke={INK} strokeWidth="1.2" />
              <text x={bx + bw / 2} y={n.y + 3} fontSize="14" fontWeight="700" textAnchor="middle" fill={count > 0 ? '#ffffff' : INK}>
                {badge}{' '}
              </text>
            </g>
            {tag && (
              <text
                x={n.x + 1}
                y={n.y - 4}
                fontSize="9.5"
                fontWeight="700"
                fill={s.hidden ? RED : INK}
                {...(tag.length * 6.1 > tagRoom ? { textLength: tagRoom, lengthAdjust: 'spacingAndGlyphs' } : {})}
              >
                {tag}{' '}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
});

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
import { BADGE_FONT, BADGE_H, BADGE_IN, LABEL_FONT, LINE, MIN_SCALE, PAD_X, TAG_FONT, badgeWidth, readingOrder, type Layout } from './layout';

export interface DiagramProps {
  id: string;
  title: string;
  layout: Layout;
  states: readonly StateInfo[];
  /** Cases in each state now; null draws the chart alone, with no counts (the process lab). */
  counts: Int32Array | null;
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
  // Reading order: by row, then left to right.
  const order = useMemo(() => readingOrder(layout.nodes), [layout]);

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
    <div className="diagram-box">
      <svg
        className="diagram"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        // Never drawn smaller than MIN_SCALE of its own size, so no text falls below 11 px: on a
        // narrow screen the box scrolls sideways instead. Nor blown up past its own size plus a half.
        style={{ minWidth: Math.ceil(layout.width * MIN_SCALE), maxWidth: Math.ceil(layout.width * 1.5) }}
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
            <path key={`${e.from}>${e.to}`} d={e.d} fill="none" stroke="#6f777b" strokeWidth="1.3" markerEnd={`url(#${id}-arrow)`} data-edge={`${e.from}>${e.to}`}>
              <title>{`${labelOf(e.from)} to ${labelOf(e.to)}: ${e.events.join(', ')}`}</title>
            </path>
          ))}
        </g>
        {layout.nodes.map((n, i) => {
          const s = states[i];
          const count = counts?.[i] ?? 0;
          const isSel = selected === s.name;
          const caseHere = caseAt?.state === s.name;
          const badge = String(count);
          const bw = badgeWidth(badge);
          // The badge straddles the right-hand border (arrows meet boxes only at top and bottom).
          const bx = n.x + n.w - BADGE_IN;
          const by = n.y + n.h / 2 - BADGE_H / 2;
          const tag = n.tagLines.join(' ') || null;
          const rows = n.lines.length + n.tagLines.length;
          const firstBaseline = n.y + n.h / 2 - ((rows - 1) * LINE) / 2 + 4.5;
          // The accessible name starts with the words shown (label, count, tag), then explains them.
          const shown = [...n.lines, ...(counts ? [badge] : []), ...(tag ? [tag.toLowerCase()] : [])].join(' ');
          const label =
            (counts ? `${shown}. ${count} ${s.final ? `ended here since ${countFromLabel}` : count === 1 ? 'case here now' : 'cases here now'}` : `${shown}${s.final ? '. An end state' : ''}`) +
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
              <rect className="focus-ring" x={n.x - 5} y={n.y - 5} width={n.w + 10} height={n.h + 10} rx={s.final ? 14 : 8} />
              <rect
                x={n.x}
                y={n.y}
                width={n.w}
                height={n.h}
                rx={s.final ? Math.min(14, n.h / 2) : 4}
                fill={s.hidden ? `url(#${id}-hatch)` : s.final ? '#f3f2f1' : '#ffffff'}
                stroke={caseHere ? BLUE : s.hidden ? RED : INK}
                strokeWidth={caseHere ? 4 : isSel ? 3.5 : s.hidden ? 2.5 : 1.4}
                strokeDasharray={s.unallocated ? '6 4' : undefined}
              />
              {isSel && <rect x={n.x + 3} y={n.y + 3} width={n.w - 6} height={n.h - 6} rx={s.final ? Math.min(11, n.h / 2 - 3) : 2} fill="none" stroke={INK} strokeWidth="1.5" />}
              {n.lines.map((line, k) => (
                <text key={k} x={n.x + PAD_X} y={firstBaseline + k * LINE} fontSize={LABEL_FONT} fill={INK}>
                  {line}{' '}
                </text>
              ))}
              {counts && (<g className="badge">
                <rect x={bx} y={by} width={bw} height={BADGE_H} rx={BADGE_H / 2} fill={count > 0 ? INK : '#ffffff'} stroke={INK} strokeWidth="1.2" />
                <text x={bx + bw / 2} y={by + BADGE_H / 2 + 5} fontSize={BADGE_FONT} fontWeight="700" textAnchor="middle" fill={count > 0 ? '#ffffff' : INK}>
                  {badge}{' '}
                </text>
              </g>)}
              {/* After the badge: the accessible name reads label, count, tag, in the order of the text. */}
              {tag && (
                <text x={n.x + PAD_X} y={firstBaseline + n.lines.length * LINE} fontSize={TAG_FONT} fontWeight="700" fill={s.hidden ? RED : INK}>
                  {n.tagLines.map((line, k) => (
                    <tspan key={k} x={n.x + PAD_X} dy={k === 0 ? 0 : LINE}>
                      {line}
                      {k < n.tagLines.length - 1 ? ' ' : ''}
                    </tspan>
                  ))}{' '}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
});

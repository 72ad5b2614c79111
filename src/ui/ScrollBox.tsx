/**
 * A box for something wider than a phone (a table): it scrolls sideways in its own box, focusable
 * so the keyboard can scroll it, and says so when it does: a line of words above it ("Scroll
 * sideways for more columns") and a shadow at the edge that has more, so colour is not the only cue.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useMeasure } from './useMeasure';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const wider = useMeasure(ref, (el) => el.scrollWidth > el.clientWidth + 1, false);
  const [edge, setEdge] = useState<'start' | 'middle' | 'end'>('start');
  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    setEdge(el.scrollLeft <= 1 ? 'start' : el.scrollLeft + el.clientWidth >= el.scrollWidth - 1 ? 'end' : 'middle');
  };
  return (
    <>
      {wider && (
        <p className="scroll-hint" data-scroll-hint="">
          Scroll the table sideways for more columns <span aria-hidden="true">&rarr;</span>
        </p>
      )}
      <div className="table-box" ref={ref} role="region" aria-label={label} tabIndex={0} data-wider={wider} data-edge={wider ? edge : undefined} onScroll={onScroll}>
        {children}
      </div>
    </>
  );
}

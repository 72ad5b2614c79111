/**
 * A term with its definition at hand: the term is a button that opens a small box with the
 * glossary definition and its source (the browser's popover: Escape or a click elsewhere
 * closes it). Every use of a domain word on the page can be explained where it appears.
 */
import { useId, type ReactNode } from 'react';
import { glossaryEntry } from '../../core/glossary';

export function Term({ id, children }: { id: string; children?: ReactNode }) {
  const entry = glossaryEntry(id);
  const raw = useId();
  const safe = raw.replace(/[^a-zA-Z0-9_-]/g, '');
  const popId = `term-${safe}`;
  const anchor = `--term-${safe}`;
  return (
    <>
      <button type="button" className="term" popoverTarget={popId} style={{ anchorName: anchor }} aria-label={`${typeof children === 'string' ? children : entry.term}: what this means`}>
        {children ?? entry.term}
      </button>
      <span popover="auto" id={popId} className="term-pop" style={{ positionAnchor: anchor }}>
        <strong>{entry.term}</strong>: {entry.definition} <span className="term-source">Source: {entry.source}.</span>
      </span>
    </>
  );
}

/** A small "?" button that explains a figure or a control, with the same popover. */
export function Help({ label, children }: { label: string; children: ReactNode }) {
  const raw = useId();
  const safe = raw.replace(/[^a-zA-Z0-9_-]/g, '');
  const popId = `help-${safe}`;
  const anchor = `--help-${safe}`;
  return (
    <>
      <button type="button" className="help" popoverTarget={popId} style={{ anchorName: anchor }} aria-label={`What is ${label}?`}>
        ?
      </button>
      <span popover="auto" id={popId} className="term-pop" style={{ positionAnchor: anchor }}>
        {children}
      </span>
    </>
  );
}

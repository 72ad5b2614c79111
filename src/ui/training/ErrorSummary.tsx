/** GOV.UK error summary: a list of problems, each a link to its field. Focused when shown. */
import { forwardRef, type MouseEvent } from 'react';
import type { FieldIssue } from '../../core/training';

interface Props {
  issues: FieldIssue[];
  idFor: (field: string) => string;
}

export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ issues, idFor }, ref) {
  if (issues.length === 0) return null;
  const go = (e: MouseEvent, field: string) => {
    e.preventDefault();
    const el = document.getElementById(idFor(field));
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="tr-error-summary-title">
      <h3 className="error-summary-title" id="tr-error-summary-title">
        There is a problem
      </h3>
      <ul>
        {issues.map((i) => (
          <li key={`${i.field}:${i.rule}`}>
            <a href={`#${idFor(i.field)}`} onClick={(e) => go(e, i.field)}>
              {i.rule}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});

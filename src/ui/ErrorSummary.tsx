/**
 * GOV.UK error summary, the one every form on the page uses (the scenario figures, the sweep, the
 * lab's check, the training setup and decision): "There is a problem" with a list of what is wrong,
 * each a link that moves focus to its field. Nothing is drawn when there is nothing wrong.
 *
 * Accessible behaviour: it is an alert, labelled by its title, and focusable (tabIndex -1) so the
 * form that refused a submit can move focus to it through `ref`; a link focuses its field and
 * brings it into view rather than changing the address.
 */
import { forwardRef, type MouseEvent, type ReactNode } from 'react';

export interface SummaryItem {
  /** Unique among the items (React key). */
  key: string;
  message: ReactNode;
  /** The id of the field to move to; without it the item is plain text (a problem with no field on the form). */
  fieldId?: string;
  /** Put on the list item as data-field (what tests and readers of the DOM look for). */
  field?: string;
}

interface Props {
  /** Ids on the page must be unique: the title's id, which labels the summary. */
  titleId: string;
  items: SummaryItem[];
  title?: ReactNode;
}

/** Focus a field by id and bring it into view (the link's behaviour, exported for inline error links). */
export function focusField(e: MouseEvent, fieldId: string): void {
  e.preventDefault();
  const el = document.getElementById(fieldId);
  if (!el) return;
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
}

export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ titleId, items, title = 'There is a problem' }, ref) {
  if (items.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h3 className="error-summary-title" id={titleId}>
        {title}
      </h3>
      <ul>
        {items.map((i) => (
          <li key={i.key} data-field={i.field}>
            {i.fieldId ? (
              <a href={`#${i.fieldId}`} onClick={(e) => focusField(e, i.fieldId!)}>
                {i.message}
              </a>
            ) : (
              i.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});

/**
 * What a box measures, kept current: `read(el)` again whenever the box or its first child changes
 * size (a ResizeObserver; once, at mount, where there is none). For layout that depends on real
 * pixels: the timeline's day labels, whether a table is wider than its box.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useMeasure<T>(ref: RefObject<HTMLElement | null>, read: (el: HTMLElement) => T, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setValue(read(el));
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
    // `read` is a pure reading of the element: a new function each render must not re-observe.
  }, [ref]);
  return value;
}

/**
 * The address bar: the link to what the page shows (permalink.ts encodes it), kept in step after
 * each change, a few times a second at most while playing, and only while the replay view is
 * the one showing.
 */
import { encodeLink, type LinkState } from '../permalink';
import type { ReplayRuns } from './replayRuns';
import type { StateCell } from './state';

/** How long after a change the address bar is written, in ms. */
const WRITE_AFTER_MS = { playing: 500, still: 80 };

export class AddressBar {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private active = false;
  /** The last query written into the address bar. */
  lastQuery = '';

  constructor(
    private readonly cell: StateCell,
    private readonly runs: ReplayRuns,
  ) {
    cell.subscribe(() => this.schedule());
  }

  /** Keep the address bar in step from now on (the page has started). */
  activate(): void {
    this.active = true;
  }

  /** The link to this view. */
  link(): LinkState {
    const s = this.cell.get();
    const out: LinkState = { scenario: s.source.kind === 'shipped' ? s.source.key : 'file' };
    if (s.source.kind === 'file' && s.loadedFile) out.file = { name: s.loadedFile.name, data: s.loadedFile.data };
    if (s.applied) {
      if (Object.keys(s.applied.patch).length) out.patch = s.applied.patch;
      out.seed = String(s.applied.seed);
    }
    if (s.run && s.run.status === 'ready') out.t = Math.round(s.t);
    else if (this.runs.pendingT !== undefined) out.t = this.runs.pendingT;
    if (s.selectedCase) out.caseId = s.selectedCase;
    if (s.selectedState) out.state = s.selectedState;
    out.speed = s.speed;
    return out;
  }

  query(): string {
    return encodeLink(this.link());
  }

  /** Write the link now, if the replay view is showing and the link has changed. */
  write(): void {
    if (typeof window === 'undefined') return;
    const route = window.location.hash.replace(/^#/, '').split('?')[0];
    if (route !== '' && route !== '/' && route !== '/replay') return; // another view is showing
    const q = this.query();
    if (q === this.lastQuery && window.location.hash.includes('?')) return;
    this.lastQuery = q;
    window.history.replaceState(null, '', `#/replay?${q}`);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (!this.active || typeof window === 'undefined' || this.timer !== undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.write();
      },
      this.cell.get().playing ? WRITE_AFTER_MS.playing : WRITE_AFTER_MS.still,
    );
  }
}

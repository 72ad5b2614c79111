/**
 * Links that restore a view: scenario, seed, position on the timeline, selected case and speed,
 * in the hash query: `#/replay?s=kingston-2013&seed=7&t=1370246400000&case=C000123&speed=day`.
 *
 *  - `s`: a shipped scenario's file name, or `file` for one loaded from a file;
 *  - `p`: the form's changes to it ({"levelMix.1":0.4,...}), base64url JSON;
 *  - `f`: for `s=file`, the whole file as loaded, base64url JSON;
 *  - `t`: the simulated instant, milliseconds since 1970 (exact, so the view is exactly the same);
 *  - `case`, `speed`, `state` (a selected state: "2013.heldByCaseCoordinator").
 * Pure: no DOM, so it is unit-tested in Node.
 */
import { FILE_LIMITS } from '../../core/bounds';
import { HOUR, DAY } from '../../core/calendar';

export const SPEEDS = [
  { key: 'hour', label: '1 hour a second', msPerSecond: HOUR },
  { key: '6hours', label: '6 hours a second', msPerSecond: 6 * HOUR },
  { key: 'day', label: '1 day a second', msPerSecond: DAY },
  { key: 'week', label: '1 week a second', msPerSecond: 7 * DAY },
] as const;
export type SpeedKey = (typeof SPEEDS)[number]['key'];
export const DEFAULT_SPEED: SpeedKey = 'day';

export function isSpeed(s: string | null | undefined): s is SpeedKey {
  return SPEEDS.some((x) => x.key === s);
}

export interface LinkState {
  scenario: string;
  /** For a scenario loaded from a file: the file's JSON and name. */
  file?: { name: string; data: unknown };
  patch?: Record<string, number>;
  seed?: string;
  t?: number;
  caseId?: string;
  speed?: SpeedKey;
  state?: { process: string; state: string };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

/** The query part of a link (without "?"). */
export function encodeLink(state: LinkState): string {
  const q = new URLSearchParams();
  q.set('s', state.scenario);
  if (state.file) {
    q.set('fn', state.file.name);
    q.set('f', toBase64Url(JSON.stringify(state.file.data)));
  }
  if (state.patch && Object.keys(state.patch).length) q.set('p', toBase64Url(JSON.stringify(state.patch)));
  if (state.seed !== undefined) q.set('seed', state.seed);
  if (state.t !== undefined) q.set('t', String(Math.round(state.t)));
  if (state.caseId) q.set('case', state.caseId);
  if (state.state) q.set('state', `${state.state.process}.${state.state.state}`);
  if (state.speed) q.set('speed', state.speed);
  return q.toString();
}

/**
 * The longest parts of a link that are read: a file is at most a scenario file's size (1 MB,
 * core/bounds.ts) once decoded, so its base64 at most 4/3 of that; the form's changes are a few
 * dozen numbers. Anything longer is left out, unread, rather than parsed at length.
 */
export const LINK_LIMITS = { file: Math.ceil((FILE_LIMITS['scenario file'] * 4) / 3) + 4, fileName: 200, patch: 4_000, seed: 100 } as const;

/** Read a link's query; anything malformed or too long is left out rather than failing the page. */
export function decodeLink(query: string): Partial<LinkState> {
  const q = new URLSearchParams(query);
  const out: Partial<LinkState> = {};
  const s = q.get('s');
  if (s && /^[\w.-]{1,80}$/.test(s)) out.scenario = s;
  const f = q.get('f');
  if (f && f.length <= LINK_LIMITS.file) {
    try {
      const name = (q.get('fn') ?? 'scenario.json').slice(0, LINK_LIMITS.fileName);
      out.file = { name, data: JSON.parse(fromBase64Url(f)) };
    } catch {
      // a damaged link: ignore the file
    }
  }
  const p = q.get('p');
  if (p && p.length <= LINK_LIMITS.patch) {
    try {
      const patch = JSON.parse(fromBase64Url(p)) as unknown;
      if (patch && typeof patch === 'object' && !Array.isArray(patch)) {
        out.patch = Object.fromEntries(Object.entries(patch).filter(([, v]) => typeof v === 'number' && Number.isFinite(v))) as Record<string, number>;
      }
    } catch {
      // ignore
    }
  }
  const seed = q.get('seed');
  if (seed !== null && seed.trim() !== '' && seed.length <= LINK_LIMITS.seed) out.seed = seed;
  const t = q.get('t');
  if (t !== null && /^-?\d{1,15}$/.test(t)) out.t = Number(t);
  const c = q.get('case');
  if (c && /^[\w-]{1,40}$/.test(c)) out.caseId = c;
  const st = q.get('state');
  if (st && /^\w+\.\w+$/.test(st)) {
    const [process, state] = st.split('.');
    out.state = { process, state };
  }
  const speed = q.get('speed');
  if (isSpeed(speed)) out.speed = speed;
  return out;
}

export type Route = 'replay' | 'training' | 'threshold' | 'validation' | 'lab';

/** The route and query of a location hash: "#/replay?s=..." -> ["replay", "s=..."]. */
export function parseHash(hash: string): { route: Route | null; query: string } {
  const h = hash.replace(/^#/, '');
  const [path, ...rest] = h.split('?');
  const query = rest.join('?');
  const p = path.replace(/^\/+|\/+$/g, '');
  if (p === '' || p === 'replay') return { route: 'replay', query };
  if (p === 'training') return { route: 'training', query };
  if (p === 'threshold') return { route: 'threshold', query };
  if (p === 'validation') return { route: 'validation', query };
  if (p === 'lab') return { route: 'lab', query };
  return { route: null, query };
}

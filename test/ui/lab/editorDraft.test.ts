// The lab's draft in the browser's storage: read back as written (undo steps too); the oldest undo
// steps dropped when the storage is full; a stored draft that is no longer a valid process dropped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedProcessFile } from '../../../src/core/processes';
import { historyOf, pushHistory, removeTransition, transitionsOf } from '../../../src/core/processes/edit';
import type { ProcessFile } from '../../../src/core/processes/processFile';
import { DRAFT_KEY, discardDraft, readDraft, writeDraft } from '../../../src/ui/lab/editorDraft';

/** A Storage holding at most `limit` characters, as a browser's does. */
class FakeStorage {
  items = new Map<string, string>();
  constructor(private limit = Infinity) {}
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.limit) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const g = globalThis as { localStorage?: unknown };
const edited = (f: ProcessFile) => {
  const r = removeTransition(f, transitionsOf(f)[0]);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.file;
};

describe('the lab\u2019s draft', () => {
  let saved: unknown;
  beforeEach(() => (saved = g.localStorage));
  afterEach(() => (g.localStorage = saved));

  it('is read back as written, undo steps and all, until discarded', () => {
    g.localStorage = new FakeStorage();
    const f = shippedProcessFile('2015');
    const h = pushHistory(historyOf(f), edited(f));
    expect(writeDraft(h)).toBe(true);
    expect(readDraft()).toEqual(JSON.parse(JSON.stringify(h)));
    discardDraft();
    expect(readDraft()).toBeNull();
  });

  it('when the storage is full, keeps the present and drops the oldest undo steps', () => {
    const f = shippedProcessFile('2015');
    let h = historyOf(f);
    for (let i = 0; i < 6; i++) h = pushHistory(h, edited(h.present));
    const one = JSON.stringify(f).length;
    g.localStorage = new FakeStorage(one * 3.5);
    expect(writeDraft(h)).toBe(true);
    const back = readDraft()!;
    expect(back.present).toEqual(JSON.parse(JSON.stringify(h.present)));
    expect(back.past.length).toBeLessThan(h.past.length);
    expect(back.past.at(-1)).toEqual(JSON.parse(JSON.stringify(h.past.at(-1))));
    g.localStorage = new FakeStorage(one / 2);
    expect(writeDraft(h)).toBe(false);
  });

  it('a stored draft that is no longer a valid process is not read', () => {
    const s = new FakeStorage();
    g.localStorage = s;
    const broken = { ...shippedProcessFile('2015'), id: '2015' };
    s.setItem(DRAFT_KEY, JSON.stringify({ version: 1, history: historyOf(broken) }));
    expect(readDraft()).toBeNull();
    s.setItem(DRAFT_KEY, '{not json');
    expect(readDraft()).toBeNull();
  });
});

// Cancelling the page's main run (issue 17, item 5): the workers stop, and what was shown before
// comes back with its scenario and seed; on a first run the page says it was cancelled.
import { describe, expect, it } from 'vitest';
import { ReplayStore } from '../../../../src/ui/replay/store';
import { makeStore, until } from '../../../support/replayStore';

/** A worker that takes the run and never answers, so the run stays under way until cancelled. */
class SilentWorker {
  static terminated = 0;
  onmessage = null;
  onerror = null;
  postMessage() {}
  terminate() {
    SilentWorker.terminated++;
  }
}

describe('cancelling the main run', () => {
  it('on a first run, stops both workers and says the run was cancelled', () => {
    const store = new ReplayStore(() => new SilentWorker() as unknown as Worker);
    store.start({ scenario: 'bank-holiday', seed: '5' });
    expect(store.getState().run?.status).toBe('running');
    const before = SilentWorker.terminated;
    store.cancelRun();
    const s = store.getState();
    expect(SilentWorker.terminated - before).toBe(2);
    expect(s.run?.status).toBe('cancelled');
    expect(s.run?.processes['2013'].status).toBe('cancelled');
    expect(s.notice).toMatch(/^Run cancelled\./);
    // Cancelling again, or with nothing running, changes nothing.
    store.cancelRun();
    expect(store.getState()).toBe(s);
  });

  it('after a finished run, brings back that run, its scenario and its seed', async () => {
    const store = makeStore();
    store.start({ scenario: 'bank-holiday', seed: '5' });
    await until(store, (s) => s.run?.status === 'ready');
    const finished = store.getState().run;
    const applied = store.getState().applied;
    store.setSeedText('77');
    store.submitSeed();
    expect(store.getState().run?.status).toBe('running');
    expect(store.getState().applied?.seed).toBe(77);
    store.cancelRun();
    const s = store.getState();
    expect(s.run).toBe(finished);
    expect(s.applied).toBe(applied);
    expect(s.notice).toBe('Run cancelled: the previous run is shown.');
    // The cancelled run's answers, had they come, are ignored: the state stays as restored.
    await new Promise((r) => setTimeout(r, 200));
    expect(store.getState().run).toBe(finished);
  }, 60_000);
});

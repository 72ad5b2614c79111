// Replications on worker threads (src/cli/parallel.ts): the same figures, in the same order, as
// on one thread.
import { describe, expect, it } from 'vitest';
import { runJobs, type ReplicationJob } from '../../src/cli/parallel';
import { replicationSeed } from '../../src/core/run';
import { loadScenario } from '../support/scenarios';

const june = { ...loadScenario('kingston-2013.json'), days: 5, warmUpDays: 10 };

describe('parallel replications', () => {
  it('give the same figures on two worker threads as on one thread, in the same order', async () => {
    const jobs: ReplicationJob[] = [];
    for (let r = 0; r < 3; r++) for (const process of ['2013', '2015'] as const) jobs.push({ scenario: june, process, seed: replicationSeed(june.seed, r) });
    const single = await runJobs(jobs, 1);
    const parallel = await runJobs(jobs, 2);
    expect(parallel.map((s) => `${s.process}:${s.seed}`)).toEqual(jobs.map((j) => `${j.process}:${j.seed}`));
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
  }, 120_000);
});

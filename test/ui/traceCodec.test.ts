// The trace on its way from the worker to the page (src/ui/traceCodec.ts).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core/run';
import { loadScenario } from '../support/scenarios';

describe('the trace on its way from the worker', () => {
  it('packs into columns and unpacks to the same records, byte for byte as JSON', async () => {
    const { packTrace, unpackTrace } = await import('../../src/ui/traceCodec');
    const { sim } = runScenario(loadScenario('bank-holiday.json'), { process: '2013', seed: 3 });
    const back = unpackTrace(structuredClone(packTrace(sim.trace)));
    expect(back).toEqual(sim.trace);
    expect(JSON.stringify(back)).toBe(JSON.stringify(sim.trace));
  });
});

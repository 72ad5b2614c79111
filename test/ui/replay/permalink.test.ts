// Links that restore a view (src/ui/replay/permalink.ts).
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, parseHash } from '../../../src/ui/replay/permalink';

describe('permalinks', () => {
  it('round-trip scenario, changes, seed, exact moment, case, state and speed', () => {
    const link = {
      scenario: 'kingston-2013',
      patch: { contactsPerWorkingDay: 30, 'levelMix.1': 0.4 },
      seed: '7',
      t: 1370509234567,
      caseId: 'C002152',
      speed: 'week' as const,
      state: { process: '2013', state: 'heldByCaseCoordinator' },
    };
    expect(decodeLink(encodeLink(link))).toEqual(link);
  });

  it('carry a scenario loaded from a file, including non-ASCII text', () => {
    const file = { name: 'mine.json', data: { name: 'Sc\u00e9nario \u00b638', days: 7 } };
    expect(decodeLink(encodeLink({ scenario: 'file', file })).file).toEqual(file);
  });

  it('ignore what is malformed instead of failing', () => {
    expect(decodeLink('s=kingston-2013&t=soon&speed=warp&p=%%%&case=<b>')).toEqual({ scenario: 'kingston-2013' });
  });

  it('route by the hash: replay is the default', () => {
    expect(parseHash('')).toEqual({ route: 'replay', query: '' });
    expect(parseHash('#/')).toEqual({ route: 'replay', query: '' });
    expect(parseHash('#/replay?s=a&seed=1')).toEqual({ route: 'replay', query: 's=a&seed=1' });
    expect(parseHash('#/training')).toEqual({ route: 'training', query: '' });
    expect(parseHash('#/threshold')).toEqual({ route: 'threshold', query: '' });
    expect(parseHash('#/validation')).toEqual({ route: 'validation', query: '' });
    expect(parseHash('#/lab')).toEqual({ route: 'lab', query: '' });
    expect(parseHash('#/nowhere').route).toBeNull();
  });
});

// The threshold explorer's check of the picture: indicators that contradict each other or the
// child's age, and one concern ticked at two strengths.
import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorConflicts, suggestLevel } from '../../src/core/levels';

describe('indicatorConflicts', () => {
  it('says nothing of a consistent picture, or of no indicators', () => {
    expect(indicatorConflicts([])).toEqual([]);
    expect(indicatorConflicts(['good-attendance', 'warm-consistent-care', 'development-on-track'], { ageBand: '5-11' })).toEqual([]);
    expect(indicatorConflicts(['recurring-domestic-abuse', 'persistent-neglect', 'young-carer'], { ageBand: '12-15' })).toEqual([]);
  });

  it('points out indicators that contradict each other, naming both', () => {
    const [c] = indicatorConflicts(['good-attendance', 'attendance-under-90']);
    expect(c.kind).toBe('contradiction');
    expect(c.ids).toEqual(['good-attendance', 'attendance-under-90']);
    expect(c.text).toContain('"good school attendance" contradicts "school attendance under about 90%"');
    const care = indicatorConflicts(['warm-consistent-care', 'gross-neglect', 'patchy-care']);
    expect(care.find((x) => x.kind === 'contradiction')!.ids).toEqual(['warm-consistent-care', 'patchy-care', 'gross-neglect']);
  });

  it('points out one concern ticked at two strengths, and says which sets the level', () => {
    const c = indicatorConflicts(['low-level-conflict', 'high-risk-domestic-abuse']);
    expect(c).toHaveLength(1);
    expect(c[0].kind).toBe('same-concern');
    expect(c[0].text).toContain('the strongest, "high-risk domestic abuse", sets the level');
    expect(suggestLevel(['low-level-conflict', 'high-risk-domestic-abuse']).level).toBe(4);
  });

  it("points out an indicator that does not fit the child's age, only when the age is given", () => {
    expect(indicatorConflicts(['pregnancy-under-18'], { ageBand: '1-4' }).map((c) => c.kind)).toEqual(['age']);
    expect(indicatorConflicts(['pregnancy-under-18'], { ageBand: '16-17' })).toEqual([]);
    expect(indicatorConflicts(['pregnancy-under-18'])).toEqual([]);
    expect(indicatorConflicts(['young-carer'], { ageBand: 'under1' })[0].text).toContain('does not fit the age given');
  });

  it('names only indicators that exist', () => {
    const all = INDICATORS.map((i) => i.id);
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) for (const c of indicatorConflicts([all[i], all[j]], { ageBand: 'unborn' })) for (const id of c.ids) expect(all).toContain(id);
  });
});

/**
 * CSV a spreadsheet opens safely (src/core/export.ts): a text cell that would run as a formula
 * (it begins with = + - @, a tab or a carriage return) is neutralised with a leading apostrophe;
 * numbers, and text that begins otherwise, are written as they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, rowsToCsv } from '../../src/core/export';

/** Read one CSV cell back as a spreadsheet would before deciding whether it is a formula. */
function unquote(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

describe('CSV cells', () => {
  it('neutralises a learner named as a formula', () => {
    const csv = rowsToCsv([{ learner: '=HYPERLINK("http://example.com","click")', score: 3 }]);
    expect(csv).toBe('learner,score\n"\'=HYPERLINK(""http://example.com"",""click"")",3\n');
  });

  it.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])('neutralises text beginning %j', (text) => {
    expect(unquote(csvCell(text))).toBe(`'${text}`);
  });

  it('leaves numbers as they are, negative ones too, and ordinary text', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('2013-06-03 09:00')).toBe('2013-06-03 09:00');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(null)).toBe('');
  });

  it('never lets any text cell begin with a formula character once read back', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const back = unquote(csvCell(text));
        expect(back).not.toMatch(/^[=+\-@\t\r]/);
        expect(back === text || back === `'${text}`).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

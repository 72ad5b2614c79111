/**
 * Files (src/cli/io.ts): only regular files are read, each kind within its size, checked before
 * anything is read; devices, named pipes and folders are refused by name; a byte-order mark is
 * accepted; text that is not UTF-8 is refused; only a regular file is ever replaced by a write.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS, readScenarioFile, readTextFile, writeFileAtomic } from '../../src/cli/io';
import { SCENARIO_DIR } from '../support/scenarios';
import { inputProblem } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'spa-io-'));
const K2013 = readFileSync(join(SCENARIO_DIR, 'kingston-2013.json'), 'utf8');

const problem = inputProblem;

describe('reading files', () => {
  it('refuses a link to a device by name, without reading it', () => {
    const link = join(dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    expect(problem(() => readScenarioFile(link))).toBe(`${link}: is a device, not a scenario file; only regular files are read`);
  });

  it('refuses a named pipe at once instead of waiting for a writer', () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const t0 = performance.now();
    expect(problem(() => readScenarioFile(fifo))).toBe(`${fifo}: is a named pipe, not a scenario file; only regular files are read`);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses a folder by name', () => {
    expect(problem(() => readScenarioFile(dir))).toBe(`${dir}: is a folder, not a scenario file; only regular files are read`);
  });

  it('refuses a file over its kind\u2019s limit before reading it, naming the file and the limit', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 50 << 20); // a 50 MB sparse file: nothing is written, so the test is cheap
    const before = process.memoryUsage().rss;
    expect(problem(() => readScenarioFile(big))).toBe(`${big}: is 50 MB; a scenario file can be at most 1 MB`);
    expect(process.memoryUsage().rss - before).toBeLessThan(20 << 20);
    expect(problem(() => readTextFile(big, 'results file'))).toBe(`${big}: is 50 MB; a results file can be at most 2 MB`);
  });

  it('reads a file exactly at the limit, and refuses one a byte over', () => {
    const at = join(dir, 'at.json');
    writeFileSync(at, ' '.repeat(FILE_LIMITS['vignette file']));
    expect(readTextFile(at, 'vignette file')).toHaveLength(FILE_LIMITS['vignette file']);
    writeFileSync(at, ' '.repeat(FILE_LIMITS['vignette file'] + 1));
    expect(problem(() => readTextFile(at, 'vignette file'))).toMatch(/a vignette file can be at most 256 KB$/);
  });

  it('reads no more than the limit of a file that says it is empty (as /proc\u2019s files do)', () => {
    expect(readTextFile('/proc/self/status', 'vignette file')).toMatch(/^Name:/);
  });

  it('accepts a scenario saved with a byte-order mark, as Windows Notepad saves it', () => {
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${K2013}`);
    expect(readScenarioFile(bom).name).toBe(JSON.parse(K2013).name);
  });

  it('refuses text that is not UTF-8', () => {
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from(K2013.replace('June', 'Juni\u00e9'), 'latin1'));
    expect(problem(() => readScenarioFile(latin1))).toBe(`${latin1}: is not UTF-8 text, so it is not a scenario file`);
  });

  it('names a missing file', () => {
    expect(problem(() => readScenarioFile(join(dir, 'nope.json')))).toBe(`${join(dir, 'nope.json')}: no such file`);
  });
});

describe('writing files', () => {
  it('replaces a regular file whole', () => {
    const out = join(dir, 'out.csv');
    writeFileAtomic(out, 'a\n');
    writeFileAtomic(out, 'b\n');
    expect(readFileSync(out, 'utf8')).toBe('b\n');
  });

  it('never replaces a device or a folder', () => {
    expect(problem(() => writeFileAtomic('/dev/null', 'x'))).toBe('/dev/null: is a device; only a regular file is written');
    expect(problem(() => writeFileAtomic(dir, 'x'))).toBe(`${dir}: is a folder; only a regular file is written`);
  });
});

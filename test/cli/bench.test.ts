// `npm run bench` (src/cli/bench.ts): bad options are refused before anything is measured.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';

const exec = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

describe('npm run bench', () => {
  it('refuses a bad --pairs before measuring anything, naming the option and the rule', async () => {
    for (const bad of ['x', '1', '10001']) {
      const r = await exec(TSX, [join(ROOT, 'src/cli/bench.ts'), '--pairs', bad], { cwd: ROOT }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--pairs: must be a whole number from 2 to 10000 (got ${bad === 'x' ? '"x"' : bad})`);
    }
  }, 60_000);

  it('refuses an option it does not take, or one given twice, naming it; --help lists the bounds', async () => {
    const bench = (args: string[]) => exec(TSX, [join(ROOT, 'src/cli/bench.ts'), ...args], { cwd: ROOT }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
    const unknown = await bench(['--replications', '5']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('bench: --replications is not an option of bench (it takes --json, --quick, --pairs, --help)');
    const twice = await bench(['--quick', '--quick']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('bench: --quick is given twice');
    const help = await bench(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--pairs N    paired borough-year replications to time, 2 to 10000');
  }, 60_000);
});

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
});

/**
 * Running the command line from tests: as a user would (a child process through tsx), or its
 * `main` in-process with captured output, and the message of an InputError a call throws.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../../src/cli/io';
import { ROOT } from './scenarios';

const exec = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Run a command's source file (under src/cli) as a user would; never throws. */
export async function runCli(file: string, args: string[], maxBuffer = 64 << 20): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(TSX, [join(ROOT, 'src', 'cli', file), ...args], { cwd: ROOT, maxBuffer });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

type Main = (args: string[], io: { out: (s: string) => void; err: (s: string) => void; isTTY: boolean }) => Promise<number>;

/** Call a command's main() in-process with captured output; an InputError becomes exit 2 as in the real command. */
export async function callMain(main: Main, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
    return { code, out, err };
  } catch (e) {
    if ((e as Error).name === 'InputError') return { code: 2, out, err: (e as Error).message };
    throw e;
  }
}

/** The message of the InputError `fn` throws; fails the test if it accepts. */
export function inputProblem(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('accepted');
}

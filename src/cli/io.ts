/** File input and output for the command line: clear errors, no half-written files. */
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { parseScenarioText, ScenarioError, type Scenario } from '../core/scenario';

/** Bad input from the user: usage, files, values. Exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function readScenarioFile(path: string): Scenario {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path}: is a folder, not a scenario file`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EACCES') throw new InputError(`${path}: cannot be read (permission denied)`);
    throw new InputError(`${path}: cannot be read (${(e as Error).message})`);
  }
  try {
    return parseScenarioText(text);
  } catch (e) {
    if (e instanceof ScenarioError) {
      throw new InputError(e.issues.map((i) => `${path}: ${i.field}: ${i.rule}`).join('\n'));
    }
    throw e;
  }
}

/** Write a whole file or nothing: write beside it, then rename. */
export function writeFileAtomic(path: string, content: string): void {
  let dir: string;
  try {
    dir = mkdtempSync(join(dirname(path), `.${basename(path)}.`));
  } catch (e) {
    throw new InputError(`${path}: cannot write here (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const tmp = join(dir, 'partial');
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    throw new InputError(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** File input and output for the command line: clear errors, no half-written files. */
import { closeSync, constants, fstatSync, mkdtempSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { FILE_LIMITS, fileSizeProblem, sizeInWords, withoutByteOrderMark, type FileKind } from '../core/bounds';
import { ProcessFileError, processFromText, type LoadedProcess } from '../core/processes';
import { parseScenarioText, ScenarioError, type Scenario } from '../core/scenario';

export { FILE_LIMITS, type FileKind };

/** Bad input from the user: usage, files, values. Exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** What a path is, when it is not a regular file: refused by name. */
function notARegularFile(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'is a folder';
  if (st.isFIFO()) return 'is a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device';
  if (st.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

function readError(path: string, kind: FileKind, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${path}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${path}: cannot be read (permission denied)`);
  if (code === 'EISDIR') return new InputError(`${path}: is a folder, not a ${kind}`);
  if (code === 'ELOOP') return new InputError(`${path}: is a loop of links`);
  return new InputError(`${path}: cannot be read (${code ?? (e as Error).message})`);
}

/**
 * Checks that a path is a regular file of at most its kind's size, without reading it: devices,
 * named pipes, folders and sockets are refused by name. (A link is followed, and judged by what
 * it points at: a link to /dev/zero is a device.)
 */
export function checkReadableFile(path: string, kind: FileKind): void {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw readError(path, kind, e);
  }
  const what = notARegularFile(st);
  if (what) throw new InputError(`${path}: ${what}, not a ${kind}; only regular files are read`);
  const tooLarge = fileSizeProblem(kind, st.size);
  if (tooLarge) throw new InputError(`${path}: ${tooLarge}`);
}

/**
 * Reads a regular file of at most its kind's size as UTF-8 text, without a byte-order mark (as
 * Windows Notepad saves). The file is opened without waiting (a named pipe put in its place after
 * the check does not block) and checked again once open; at most the limit and one byte is read,
 * so a file that grows, or claims a size of 0 as /proc's do, cannot take more memory.
 */
export function readTextFile(path: string, kind: FileKind): string {
  checkReadableFile(path, kind);
  const limit = FILE_LIMITS[kind];
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const what = notARegularFile(fstatSync(fd));
    if (what) throw new InputError(`${path}: ${what}, not a ${kind}; only regular files are read`);
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length <= limit) {
      const n = readSync(fd, buffer, length, limit + 1 - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) throw new InputError(`${path}: is more than ${sizeInWords(limit)}; a ${kind} can be at most ${sizeInWords(limit)}`);
    bytes = buffer.subarray(0, length);
  } catch (e) {
    throw readError(path, kind, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${path}: is not UTF-8 text, so it is not a ${kind}`);
  }
  return withoutByteOrderMark(text);
}

export function readScenarioFile(path: string): Scenario {
  const text = readTextFile(path, 'scenario file');
  try {
    return parseScenarioText(text);
  } catch (e) {
    if (e instanceof ScenarioError) {
      throw new InputError(e.issues.map((i) => `${path}: ${i.field}: ${i.rule}`).join('\n'));
    }
    throw e;
  }
}

/**
 * A process file (src/core/processes/processFile.ts): the file and the machine it describes; a
 * refused file is an InputError naming the file, the field (so the state) and the rule.
 */
export function readProcessFile(path: string): LoadedProcess {
  const text = readTextFile(path, 'process file');
  try {
    return processFromText(text);
  } catch (e) {
    if (e instanceof ProcessFileError) throw new InputError(e.issues.map((i) => `${path}: ${i.field}: ${i.rule}`).join('\n'));
    throw e;
  }
}

/** Write a whole file or nothing: write beside it, then rename. */
export function writeFileAtomic(path: string, content: string): void {
  // Only a regular file is replaced: renaming over a device (/dev/null) or into a folder's place would do harm or fail oddly.
  let existing: Stats | undefined;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  const what = existing && notARegularFile(existing);
  if (what) throw new InputError(`${path}: ${what}; only a regular file is written`);
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

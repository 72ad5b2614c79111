/**
 * Standard output and error for a command run from a shell. A reader that stops early
 * (`npm run check-process ... | head -1`) closes the pipe: that is not an error of the command.
 * Output to a closed stream is dropped from then on, without a stack trace, and the command ends
 * with the exit code it would have had (so `| head` never turns a pass into a failure or a
 * finding into a pass).
 */
import { InputError } from './io';
import { sanitiseForTerminal } from './terminal';

export interface Stdio {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stderr is a terminal (progress bars go there). */
  isTTY: boolean;
}

/** A writer for one stream: quiet once the stream is closed, control characters escaped when it is a terminal. */
export function quietWhenClosed(stream: NodeJS.WritableStream & { isTTY?: boolean; destroyed?: boolean }): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    // EPIPE: the reader went away; ERR_STREAM_DESTROYED: a write after that. Anything else is real.
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  const toTerminal = stream.isTTY === true;
  return (s: string) => {
    if (closed || stream.destroyed) return;
    // A progress bar redraws its line with a carriage return at the start of its write: keep that one.
    if (toTerminal) s = s.startsWith('\r') ? `\r${sanitiseForTerminal(s.slice(1))}` : sanitiseForTerminal(s);
    stream.write(s);
  };
}

/** The process's stdout and stderr, quiet once closed, and without control characters when they are a terminal. */
export function processStdio(): Stdio {
  return { out: quietWhenClosed(process.stdout), err: quietWhenClosed(process.stderr), isTTY: process.stderr.isTTY === true };
}

/**
 * Run a command's `main` as this process: its exit code; bad input (an InputError) is exit 2 with
 * its message; anything else is a defect, exit `defectCode`, with the stack under DEBUG.
 */
export function runAsProcess<I extends Stdio>(main: (args: string[], io: I) => Promise<number>, io: I, defectCode: number): void {
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof InputError) {
        io.err(`error: ${e.message}\n`);
        process.exitCode = 2;
      } else {
        io.err(`internal error (a defect in the simulator, please report it): ${(e as Error)?.message ?? String(e)}\n`);
        if (process.env.DEBUG) io.err(`${(e as Error)?.stack}\n`);
        process.exitCode = defectCode;
      }
    },
  );
}

/**
 * Output (src/cli/stdio.ts, terminal.ts): text printed to a terminal carries no control
 * characters; a closed pipe silences the output without an error; and every command, its output
 * cut short by `| head -1`, ends with the exit code it would have had.
 */
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { quietWhenClosed } from '../../src/cli/stdio';
import { sanitiseForTerminal } from '../../src/cli/terminal';
import { ROOT } from '../support/scenarios';

class FakeStream extends Writable {
  written = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.written += chunk.toString();
    done();
  }
}

describe('text for a terminal', () => {
  it('shows escape sequences and other control characters as visible escapes, and keeps newlines and tabs', () => {
    expect(sanitiseForTerminal('name: \u001b[2J\u001b]0;owned\u0007 ok\n\tnext')).toBe('name: \\x1b[2J\\x1b]0;owned\\x07 ok\n\tnext');
    expect(sanitiseForTerminal('a\u009bb\u202ec\rd')).toBe('a\\x9bb\\u202ec\\x0dd');
    expect(sanitiseForTerminal('Kingston SPA, June 2013 \u2013 \u00b638')).toBe('Kingston SPA, June 2013 \u2013 \u00b638');
  });

  it('escapes only when the stream is a terminal, and keeps a progress bar\u2019s carriage return', () => {
    const tty = new FakeStream(true);
    const file = new FakeStream(false);
    quietWhenClosed(tty)('\r[##  ] 50% \u001b[31m');
    quietWhenClosed(file)('\u001b[31m');
    expect(tty.written).toBe('\r[##  ] 50% \\x1b[31m');
    expect(file.written).toBe('\u001b[31m');
  });

  it('drops output quietly once the reader has gone (EPIPE), and still fails loudly on other errors', () => {
    const s = new FakeStream(false);
    const out = quietWhenClosed(s);
    out('first\n');
    s.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    out('second\n');
    expect(s.written).toBe('first\n');
    expect(() => s.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });
});

/** Run a command with its output piped into `head -1`; its own exit status (not head's). */
function throughHead(command: string): { status: number; stderr: string } {
  const out = execFileSync('bash', ['-c', `${command} 2>/tmp/stdio-test-err | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"; cat /tmp/stdio-test-err`], { cwd: ROOT, encoding: 'utf8' });
  const [status, ...rest] = out.split('\n');
  return { status: Number(status), stderr: rest.join('\n') };
}

const TSX = 'node_modules/.bin/tsx';

describe('a closed pipe ends each command quietly, with the exit code it would have had', () => {
  it('check-process: a finding stays exit 1, with no stack trace', () => {
    const r = throughHead(`${TSX} src/cli/check-process.ts test/fixtures/broken-process.ts --runs 10 --seed 7`);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.ts:\d+/);
    expect(r.status).toBe(1);
  }, 60_000);

  it('check-process --list: a pass stays exit 0', () => {
    const r = throughHead(`${TSX} src/cli/check-process.ts --list`);
    expect(r).toEqual({ status: 0, stderr: '' });
  }, 30_000);

  it('training: exit 0', () => {
    const r = throughHead(`${TSX} src/cli/training.ts draw --seed demo --count 8`);
    expect(r).toEqual({ status: 0, stderr: '' });
  }, 30_000);

  it('sim: a long trace stays exit 0', () => {
    const r = throughHead(`${TSX} src/cli/main.ts trace scenarios/kingston-2013.json --days 20 --format jsonl`);
    expect(r).toEqual({ status: 0, stderr: '' });
  }, 60_000);

  it('sim: bad input stays exit 2, its message on stderr', () => {
    const r = throughHead(`${TSX} src/cli/main.ts run scenarios/kingston-2013.json --replications 5`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('run: --replications is not an option of run');
  }, 30_000);
});

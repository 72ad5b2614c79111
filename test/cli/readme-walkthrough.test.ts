// The README's walkthrough "remove the escalation" shows check-process's output as text. This test
// runs every `$ npm run check-process -- ...` block in that section and requires the README to
// show what the command prints today, line for line, but for the line that gives the time taken
// (issue 16: the walkthrough had drifted). When the model changes, re-run the commands and paste.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Io } from '../../src/cli/check-process';
import { ROOT } from '../support/scenarios';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('### Walkthrough: remove the escalation'), README.indexOf('### The safeguards'));
const blocks = [...section.matchAll(/```\n\$ npm run check-process -- (.+)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1].split(' '), shown: m[2] }));

/** The time a check took changes from run to run: compare the rest of that line. */
const untimed = (text: string) => text.replace(/^\(\d+(\.\d+)? s; /m, '(N s; ');

describe("the README's walkthrough", () => {
  it('has the two check-process runs it describes', () => {
    expect(blocks.map((b) => b.args[0])).toEqual(['src/core/processes/spa2015.ts', 'examples/spa2015-no-escalation.ts']);
  });

  for (const b of blocks) {
    it(`shows what \`npm run check-process -- ${b.args.join(' ')}\` prints today`, async () => {
      let out = '';
      const io: Io = { out: (s) => void (out += s), err: () => {}, isTTY: false, randomSeed: () => 1 };
      await run(b.args, io);
      expect(untimed(b.shown)).toBe(untimed(out));
    }, 120_000);
  }
});

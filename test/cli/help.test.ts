// Every command answers --help, -h and the word `help` with its usage and exit 0 (issue 16 item
// 6): `npm run sim -- run --help` used to exit 2. Each command's main in-process, and the two
// lines a user is most likely to type, and the bench (a script), as a child process through tsx.
import { describe, expect, it } from 'vitest';
import { main as checkProcess } from '../../src/cli/check-process';
import { main as sim } from '../../src/cli/main';
import { runTraining } from '../../src/cli/training';
import { main as validate } from '../../src/cli/validate';
import { callMain, runCli } from '../support/cli';

type Main = Parameters<typeof callMain>[0];
const training: Main = async (args, io) => runTraining(args, io);

/** [command as typed, its main, the arguments before the help word, a line its usage has] */
const COMMANDS: [string, Main, string[], string][] = [
  ['sim', sim as Main, [], 'Usage:'],
  ...['run', 'compare', 'trace', 'sweep'].map((c): [string, Main, string[], string] => [`sim ${c}`, sim as Main, [c], 'Usage:']),
  ['check-process', checkProcess as Main, [], 'Check a front-door process'],
  ['validate', validate as Main, [], 'Validation table'],
  ['training', training, [], 'Usage:'],
  ...['validate', 'draw', 'class'].map((c): [string, Main, string[], string] => [`training ${c}`, training, [c], 'Usage:']),
];

describe('help on every command', () => {
  for (const [name, main, before, says] of COMMANDS) {
    it(`${name} --help, -h and help print the usage and exit 0`, async () => {
      for (const word of ['--help', '-h', 'help']) {
        const r = await callMain(main, [...before, word]);
        expect(r.code, `${name} ${word}: ${r.err}`).toBe(0);
        expect(r.out, `${name} ${word}`).toContain(says);
        expect(r.err, `${name} ${word}`).toBe('');
      }
    });
  }

  it('npm run sim -- run --help and npm run bench -- help, as a user runs them, print the usage and exit 0', async () => {
    const [run, bench] = await Promise.all([runCli('main.ts', ['run', '--help']), runCli('bench.ts', ['help'])]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage:');
    expect(bench.code, bench.stderr).toBe(0);
    expect(bench.stdout).toContain('npm run bench');
  });

  it('a command that does not exist is still exit 2, naming it', async () => {
    const r = await callMain(sim as Main, ['hepl']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "hepl"');
  });
});

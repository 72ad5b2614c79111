/**
 * The import boundaries of eslint.config.js (../shared/STYLE.md, "one core, thin adapters"): core
 * imports neither adapter, and cli and ui never import each other, whatever the depth of the
 * relative path, with or without a file after the folder, in .ts and .tsx files alike. Linted
 * through ESLint's own API on source text, as `npx eslint .` would lint a file at that path.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/scenarios';

const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-imports messages for one import written in a file at `filePath`. */
async function restricted(filePath: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as m from '${from}';\nexport default m;\n`, { filePath: `${ROOT}/${filePath}` });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import boundaries', () => {
  const coreFiles = ['src/core/engine.ts', 'src/core/training/shift.ts', 'src/core/invariants/deep/x.tsx'];
  const adapters = ['ui', 'ui/replay/store', 'cli', 'cli/main'];
  for (const file of coreFiles) {
    const depth = file.split('/').length - 2; // folders below src/
    for (const adapter of adapters) {
      for (const up of [depth, depth + 1]) {
        const from = `${'../'.repeat(up)}${adapter}`;
        it(`refuse '${from}' in ${file}: core imports neither adapter`, async () => {
          expect(await restricted(file, from)).toEqual([expect.stringMatching(/src\/core must not import the ui or cli adapters/)]);
        });
      }
    }
  }

  it.each([
    ['src/cli/main.ts', '../ui'],
    ['src/cli/check/runner.ts', '../../ui'],
    ['src/cli/check/runner.ts', '../../ui/replay/store'],
    ['src/cli/x.tsx', '../ui/App'],
  ])('refuse in %s an import of %s: cli never imports ui', async (file, from) => {
    expect(await restricted(file, from)).toEqual([expect.stringMatching(/cli and ui never import each other/)]);
  });

  it.each([
    ['src/ui/App.tsx', '../cli'],
    ['src/ui/replay/store.ts', '../../cli'],
    ['src/ui/replay/Figures.tsx', '../../cli/format'],
    ['src/ui/training/deep/x.ts', '../../../cli/main'],
  ])('refuse in %s an import of %s: ui never imports cli', async (file, from) => {
    expect(await restricted(file, from)).toEqual([expect.stringMatching(/cli and ui never import each other/)]);
  });

  it.each([
    ['src/core/engine.ts', './calendar'],
    ['src/core/training/shift.ts', '../calendar'],
    ['src/core/replay.ts', './timeline'],
    ['src/cli/main.ts', '../core/run'],
    ['src/ui/replay/store.ts', '../../core/run'],
    ['src/ui/App.tsx', './replay/ReplayView'],
  ])('let %s import %s (the rules catch adapters, not every path)', async (file, from) => {
    expect(await restricted(file, from)).toEqual([]);
  });
});

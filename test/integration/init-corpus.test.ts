/**
 * Issue requirement: `makesim test --init` writes a starter that runs to the end without edits on
 * at least 90 of the 98 corpus blueprints. Each blueprint is copied into its own temp directory
 * (never into the repository), the starter and its makesim.config.json are written there, and
 * the starter is run; HTTP stays on the case's MockAgent, so nothing reaches the network.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBlueprintForTests } from '../../test-runner/environment.ts';
import { writeStarter } from '../../test-runner/init.ts';
import { runSuite } from '../../test-runner/run-suite.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus/blueprints');

async function runsToTheEnd(file: string): Promise<string | null> {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-init-'));
  try {
    const blueprint = join(dir, 'scenario.blueprint.json');
    copyFileSync(join(corpus, file), blueprint);
    const { path } = writeStarter(loadBlueprintForTests(blueprint), blueprint);
    const suite = await runSuite({ files: [path], cwd: dir });
    if (suite.fileErrors.length > 0) return JSON.stringify(suite.fileErrors);
    const result = suite.results[0];
    return result?.passed ? null : (result?.failures[0]?.message ?? 'no result');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf(existsSync(corpus))('makesim test --init on the corpus', () => {
  it('writes starters that run to the end on at least 90 of the 98 blueprints', async () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.json'));
    const failing: Record<string, string> = {};
    for (const file of files) {
      const problem = await runsToTheEnd(file);
      if (problem) failing[file] = problem;
    }
    const passed = files.length - Object.keys(failing).length;
    expect({ passed, failing }).toMatchObject({ passed: expect.any(Number) });
    expect(passed, JSON.stringify(failing, null, 2)).toBeGreaterThanOrEqual(90);
  }, 300_000);

  it('writes the data stores and connections a blueprint names to a new makesim.config.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-init-'));
    try {
      const blueprint = join(dir, 'scenario.blueprint.json');
      copyFileSync(join(corpus, 'SenseFlow-io__make-blueprint__SenseFlow-example.json'), blueprint);
      const written = writeStarter(loadBlueprintForTests(blueprint), blueprint);
      expect(written.configPath).toBe(join(dir, 'makesim.config.json'));
      const config = JSON.parse(readFileSync(written.configPath as string, 'utf8'));
      expect(config.connections['106516']).toEqual({ type: 'apiKey', apiKey: 'test-api-key' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

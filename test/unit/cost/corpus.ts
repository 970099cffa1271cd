/** The shared corpus of real exported blueprints, read at test time (never copied into the repo). */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Scenario } from '../../../engine/blueprint/scenario.ts';
import { loadScenarioFile } from '../../../engine/index.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { builtinModules } from '../../../modules/index.ts';
import { writeStarter } from '../../../test-runner/init.ts';
import { loadTestFile } from '../../../test-runner/load-test-file.ts';
import type { LoadedTestFile } from '../../../test-runner/types.ts';

export const corpusDir = resolve(import.meta.dirname, '../../../../shared/corpus/blueprints');

export function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function corpusPath(name: string): string {
  return join(corpusDir, name);
}

export function loadCorpus(name: string): Scenario {
  return loadScenarioFile(corpusPath(name), { registry: new ModuleRegistry(builtinModules) });
}

/** A corpus blueprint set up as `makesim test --init` leaves a project, in a temporary directory. */
export interface StarterProject {
  scenario: Scenario;
  /** The starter test file as `makesim test` loads it. */
  file: LoadedTestFile;
  dir: string;
  remove(): void;
}

/**
 * Copies the blueprint into a temporary directory and writes its starter test and the
 * makesim.config.json (data stores, connections) beside it, exactly as `makesim test --init` does,
 * so a run finds the config the way `makesim test` finds it (from the blueprint's directory).
 */
export function starterProject(name: string): StarterProject {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-cost-corpus-'));
  const blueprint = join(dir, 'scenario.blueprint.json');
  copyFileSync(corpusPath(name), blueprint);
  const scenario = loadScenarioFile(blueprint, { registry: new ModuleRegistry(builtinModules) });
  const { path } = writeStarter(scenario, blueprint);
  return {
    scenario,
    file: loadTestFile(path),
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The shared corpus of real exported blueprints, read at test time (never copied into the repo). */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Scenario } from '../../../engine/blueprint/scenario.ts';
import { loadScenarioFile } from '../../../engine/index.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { builtinModules } from '../../../modules/index.ts';

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

/**
 * The real exported blueprints that use data store modules (../shared/corpus) load without any
 * problem reported against their `datastore:*` modules: our parameter checks accept Make's shapes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseBlueprint } from '../../../../engine/index.ts';
import { ModuleRegistry } from '../../../../engine/registry/registry.ts';
import { builtinModules } from '../../../../modules/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/blueprints');
const files = readdirSync(corpus).filter(
  (f) => f.endsWith('.json') && readFileSync(path.join(corpus, f), 'utf8').includes('"datastore:'),
);

describe('corpus blueprints with data store modules', () => {
  it('has some to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: no problem on a datastore module', (file) => {
    const blueprint: unknown = JSON.parse(readFileSync(path.join(corpus, file), 'utf8'));
    const { problems } = analyseBlueprint(blueprint, {
      registry: new ModuleRegistry(builtinModules),
      source: file,
    });
    const ours = problems.filter((p) => p.message.startsWith('datastore:'));
    expect(ours).toEqual([]);
  });
});

/**
 * Every corpus blueprint that uses a module of this brief loads with the version we implement
 * (no `unknown-version` problem on http/json/regexp/math/gateway/scenario-service modules).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseBlueprint } from '../../../../engine/blueprint/load.ts';
import { ModuleRegistry } from '../../../../engine/registry/registry.ts';
import { builtinModules } from '../../../../modules/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/blueprints');
const APPS = /"module":\s*"(http|json|regexp|math|gateway|scenario-service):/;

const files = readdirSync(corpus)
  .filter((name) => name.endsWith('.json'))
  .filter((name) => APPS.test(readFileSync(path.join(corpus, name), 'utf8')));

describe('corpus blueprints with net/json/text modules', () => {
  it('finds corpus blueprints to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('%s uses implemented versions', (name) => {
    const text = readFileSync(path.join(corpus, name), 'utf8');
    const { problems } = analyseBlueprint(JSON.parse(text), {
      registry: new ModuleRegistry(builtinModules),
      source: name,
    });
    const ours = problems.filter(
      (p) => p.code === 'unknown-version' && APPS.test(`"module": "${p.message.split(' ')[0]}`),
    );
    expect(ours).toEqual([]);
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseBlueprint, loadScenario } from '../../../engine/blueprint/load.ts';
import { BlueprintError } from '../../../engine/errors/blueprint-error.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { builtinModules } from '../../../modules/index.ts';
import { corpusFiles, readCorpus } from './corpus.ts';

type Json = unknown;

/** A mutation applied at the n-th container of the blueprint (n taken modulo their count). */
type Mutation =
  | { kind: 'delete'; at: number; key: number }
  | { kind: 'retype'; at: number; key: number; value: Json }
  | { kind: 'duplicate-id'; at: number }
  | { kind: 'garbage'; at: number; key: number; text: string }
  | { kind: 'operator'; at: number; op: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), key: fc.nat() }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.nat(),
    key: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({ kind: fc.constant('duplicate-id' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('garbage' as const),
    at: fc.nat(),
    key: fc.nat(),
    text: fc.oneof(
      fc.string(),
      fc.string().map((s) => `{{${s}`),
      fc.string().map((s) => `{{${s}}}`),
    ),
  }),
  fc.record({ kind: fc.constant('operator' as const), at: fc.nat(), op: fc.string() }),
);

function containers(root: Json): Array<Record<string, Json> | Json[]> {
  const out: Array<Record<string, Json> | Json[]> = [];
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    out.push(node as Record<string, Json>);
    stack.push(...Object.values(node));
  }
  return out;
}

function apply(root: Json, m: Mutation): void {
  const all = containers(root);
  const target = all[m.at % all.length];
  if (!target) return;
  const keys = Object.keys(target);
  const key = keys.length > 0 ? keys[('key' in m ? m.key : 0) % keys.length] : undefined;
  const record = target as Record<string, Json>;
  if (m.kind === 'delete' && key !== undefined) delete record[key];
  if (m.kind === 'retype' && key !== undefined) record[key] = m.value;
  if (m.kind === 'garbage' && key !== undefined) record[key] = m.text;
  if (m.kind === 'duplicate-id') {
    const modules = all.filter((c) => !Array.isArray(c) && typeof c.id === 'number') as Record<
      string,
      Json
    >[];
    const from = modules[m.at % Math.max(1, modules.length)];
    const to = modules[(m.at + 1) % Math.max(1, modules.length)];
    if (from && to) to.id = from.id;
  }
  if (m.kind === 'operator') {
    const conditions = all.filter((c) => !Array.isArray(c) && 'o' in c) as Record<string, Json>[];
    const condition = conditions[m.at % Math.max(1, conditions.length)];
    if (condition) condition.o = m.op;
  }
}

/** The real registry: modules' own load-time checks must not be able to crash loading either. */
const registry = new ModuleRegistry(builtinModules);

describe('loading never crashes', () => {
  let corpus: Json[] = [];
  beforeAll(() => {
    corpus = corpusFiles().map(readCorpus);
  });

  it('mutated corpus blueprints give only problems, or only BlueprintError', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), (pick, mutations) => {
        const blueprint = structuredClone(corpus[pick % corpus.length]);
        for (const m of mutations) apply(blueprint, m);
        const { problems } = analyseBlueprint(blueprint, { registry });
        for (const p of problems) {
          expect(p.code).not.toBe('internal');
          expect(typeof p.pointer).toBe('string');
          expect(['error', 'warning']).toContain(p.severity);
        }
        try {
          loadScenario(blueprint, { registry });
        } catch (error) {
          expect(error).toBeInstanceOf(BlueprintError);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary JSON gives only problems', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const { problems } = analyseBlueprint(value, { registry });
        expect(problems.every((p) => p.code !== 'internal')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

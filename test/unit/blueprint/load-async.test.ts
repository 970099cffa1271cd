/**
 * The paced loader (pace.ts) runs the same steps as loadScenario, pausing for the event loop: it must
 * find the same problems, in the same order, with the same JSON pointers, and build the same
 * scenario — on the real exports of the corpus and on broken blueprints.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../engine/blueprint/load.ts';
import {
  analyseBlueprint,
  analyseBlueprintAsync,
  loadScenario,
  loadScenarioAsync,
} from '../../../engine/blueprint/load.ts';
import { BlueprintError } from '../../../engine/errors/blueprint-error.ts';
import { defaultRegistry } from '../../../modules/index.ts';
import { corpusFiles, readCorpus } from './corpus.ts';
import { blueprint, mod } from './helpers.ts';

const options = { registry: defaultRegistry };
/** Pause at every checkpoint: the most interleaved run the async loader can make. */
const everyStep = { ...options, sliceMs: 0 };

/** What a loaded scenario is made of, without its compiled closures (compared by identity). */
function shape(analysis: Analysis) {
  const scenario = analysis.scenario;
  return {
    problems: analysis.problems,
    scenario: scenario && {
      name: scenario.name,
      instant: scenario.instant,
      settings: scenario.settings,
      warnings: scenario.problems,
      modules: scenario.modules.map((m) => ({
        id: m.id,
        key: m.key,
        kind: m.kind,
        pointer: m.pointer,
        scopeDrop: m.scopeDrop,
        routes: m.routes.map((r) => r.flow.map((n) => n.id)),
        onerror: m.onerror.map((n) => n.id),
        hasFilter: m.filter !== null,
      })),
    },
  };
}

/** A blueprint with an error of each stage: schema, duplicate id, formula, operator. */
const broken = blueprint([
  mod(1, 'gateway:CustomWebHook'),
  mod(2, 'util:SetVariable2', { mapper: { name: 'a', value: '{{1.x' } }),
  mod(2, 'util:SetVariable2', { mapper: { name: 'b', value: '{{1.y}}' } }),
  { id: 'four', module: 'util:SetVariable2', version: 1 },
  mod(5, 'util:SetVariable2', {
    filter: { name: 'f', conditions: [[{ a: '{{1.z}}', o: 'text:equalz', b: 'x' }]] },
  }),
]);

describe('the paced loader finds what loadScenario finds', () => {
  it('on every blueprint of the corpus: same problems, same scenario', async () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(50);
    let warned = 0;
    for (const file of files) {
      const sync = analyseBlueprint(readCorpus(file), options);
      const paced = await analyseBlueprintAsync(readCorpus(file), everyStep);
      expect(shape(paced), file).toEqual(shape(sync));
      if (sync.problems.length > 0) warned++;
    }
    // The comparison covers findings, not only clean loads.
    expect(warned).toBeGreaterThan(10);
  });

  it('on a broken blueprint: the same errors, with their JSON pointers', async () => {
    const sync = analyseBlueprint(structuredClone(broken), options);
    const paced = await analyseBlueprintAsync(structuredClone(broken), everyStep);
    expect(paced).toEqual(sync);
    expect(paced.scenario).toBeUndefined();
    // The schema rejects the string id first; nothing is built from a blueprint the schema refused.
    expect(paced.problems.map((p) => [p.severity, p.code, p.pointer])).toContainEqual([
      'error',
      'schema',
      '/flow/3/id',
    ]);
  });

  it('on a blueprint past the schema: duplicate ids, formulas and operators at their pointers', async () => {
    const flow = structuredClone(broken.flow as unknown[]);
    flow.splice(3, 1);
    const valid = { ...broken, flow };
    const sync = analyseBlueprint(structuredClone(valid), options);
    const paced = await analyseBlueprintAsync(structuredClone(valid), everyStep);
    expect(paced).toEqual(sync);
    const found = paced.problems.map((p) => [p.code, p.pointer]);
    expect(found).toContainEqual(['duplicate-id', '/flow/2/id']);
    expect(found).toContainEqual(['template-syntax', '/flow/1/mapper/value']);
    expect(found).toContainEqual(['unknown-operator', '/flow/3/filter/conditions/0/0/o']);
  });

  it('rejects with the BlueprintError loadScenario throws, message and all', async () => {
    let thrown: unknown;
    try {
      loadScenario(structuredClone(broken), { ...options, source: 'broken.json' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BlueprintError);
    const rejected = loadScenarioAsync(structuredClone(broken), { ...everyStep, source: 'broken.json' });
    await expect(rejected).rejects.toBeInstanceOf(BlueprintError);
    await expect(rejected).rejects.toThrow((thrown as Error).message);
  });

  it('really pauses: a blueprint of a thousand modules gives the event loop turns', async () => {
    const flow = [mod(1, 'gateway:CustomWebHook')];
    for (let id = 2; id <= 1000; id++)
      flow.push(mod(id, 'util:SetVariable2', { mapper: { name: `v${id}`, value: `{{${id - 1}.v}}` } }));
    let pauses = 0;
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const scenario = await loadScenarioAsync(blueprint(flow), {
      ...options,
      sliceMs: 0,
      onPause: () => pauses++,
    });
    clearInterval(ticker);
    expect(scenario.modules).toHaveLength(1000);
    expect(pauses).toBeGreaterThanOrEqual(1000);
    // A timer fired while the load was under way: the loop really ran between slices.
    expect(turns).toBeGreaterThan(0);
  });
});

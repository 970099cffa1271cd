import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseBlueprint, loadScenario, loadScenarioFile } from '../../../engine/blueprint/load.ts';
import { BlueprintError } from '../../../engine/errors/blueprint-error.ts';
import { defineModule } from '../../../engine/registry/define-module.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { blueprint, codes, find, mod, registry } from './helpers.ts';

const options = { registry };
const simple = blueprint([
  mod(1, 'gateway:CustomWebHook'),
  mod(2, 'http:MakeRequest', { mapper: { url: '{{1.url}}' } }),
]);

describe('loadScenario: shapes and wrappers', () => {
  it('loads a bare blueprint into modules by id, depth-first', () => {
    const scenario = loadScenario(simple, options);
    expect(scenario.name).toBe('Test');
    expect(scenario.modules.map((m) => m.id)).toEqual([1, 2]);
    expect(scenario.byId.get(2)?.key).toBe('http:MakeRequest');
  });

  it('accepts the API wrappers and a blueprint given as a JSON string', () => {
    for (const wrapped of [
      { response: { blueprint: simple } },
      { blueprint: simple },
      { blueprint: JSON.stringify(simple) },
      JSON.stringify(simple),
    ]) {
      expect(loadScenario(wrapped, options).modules).toHaveLength(2);
    }
  });

  it('reports a blueprint string that is not JSON as json-syntax', () => {
    const { scenario, problems } = analyseBlueprint({ blueprint: '{"flow": [' }, options);
    expect(scenario).toBeUndefined();
    expect(codes(problems)).toEqual(['json-syntax']);
  });

  it('throws BlueprintError carrying every problem, not just the first', () => {
    const bad = blueprint([
      mod(1, 'a:B'),
      mod(1, 'a:C'),
      mod(3, 'a:D', { filter: { conditions: [[{ a: '1', o: 'text:equl', b: '1' }]] } }),
    ]);
    try {
      loadScenario(bad, options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BlueprintError);
      expect(codes((error as BlueprintError).problems, 'error').sort()).toEqual([
        'duplicate-id',
        'unknown-operator',
      ]);
    }
  });

  it('reads a file and reports bad JSON with line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-load-'));
    const file = join(dir, 'bad.blueprint.json');
    writeFileSync(file, '{\n  "flow": [,]\n}');
    try {
      loadScenarioFile(file, options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BlueprintError);
      const [problem] = (error as BlueprintError).problems;
      expect(problem?.code).toBe('json-syntax');
      // The stray comma is on line 2, column 12.
      expect(problem?.message).toContain('line 2, column 12');
    }
  });
});

describe('loadScenario: schema', () => {
  it('requires flow, with a pointer to it', () => {
    const { problems } = analyseBlueprint({ name: 'x' }, options);
    expect(find(problems, 'schema')?.pointer).toBe('/flow');
  });

  it('rejects a module id that is not a positive integer, naming the place', () => {
    const { problems } = analyseBlueprint(blueprint([mod(1, 'a:B'), { ...mod(2, 'a:C'), id: '2' }]), options);
    expect(problems.filter((p) => p.code === 'schema').map((p) => p.pointer)).toContain('/flow/1/id');
  });

  it('rejects a module key without an app prefix', () => {
    const { problems } = analyseBlueprint(blueprint([mod(1, 'MakeRequest')]), options);
    expect(find(problems, 'schema')?.pointer).toBe('/flow/0/module');
  });

  it('accepts a null mapper and missing parameters, as routers and Make exports have', () => {
    const { id, module, version } = mod(2, 'a:B') as { id: number; module: string; version: number };
    expect(() =>
      loadScenario(blueprint([mod(1, 'a:T', { mapper: null }), { id, module, version }]), options),
    ).not.toThrow();
  });

  it('skips a canvas placeholder with a warning', () => {
    const placeholder = {
      id: null,
      module: 'placeholder:Placeholder',
      metadata: { designer: { x: 0, y: 0 } },
    };
    const scenario = loadScenario(blueprint([mod(1, 'a:T'), placeholder]), options);
    expect(scenario.modules.map((m) => m.id)).toEqual([1]);
    expect(codes(scenario.problems)).toEqual(['placeholder']);
  });

  it('keeps an empty trigger slot as an app trigger (id 0) that the run input feeds', () => {
    const placeholder = {
      id: null,
      module: 'placeholder:Placeholder',
      metadata: { designer: { x: 0, y: 0 } },
    };
    const scenario = loadScenario(blueprint([placeholder, mod(2, 'a:B')]), options);
    expect(scenario.flow.map((m) => [m.id, m.kind])).toEqual([
      [0, 'trigger'],
      [2, 'action'],
    ]);
    expect(codes(scenario.problems)).toEqual(['placeholder']);
  });
});

describe('loadScenario: settings', () => {
  it('fills every metadata.scenario key with Make defaults when missing', () => {
    const scenario = loadScenario({ name: 'x', flow: [mod(1, 'a:T')] }, options);
    // Make's help: https://help.make.com/scenario-settings default block.
    expect(scenario.settings).toEqual({
      roundtrips: 1,
      maxErrors: 3,
      autoCommit: true,
      autoCommitTriggerLast: true,
      sequential: false,
      confidential: false,
      dataloss: false,
      dlq: false,
      freshVariables: false,
      slots: null,
    });
  });

  it('keeps the values a blueprint sets', () => {
    const scenario = loadScenario(
      blueprint([mod(1, 'a:T')], { scenario: { roundtrips: 5, dlq: true, sequential: true } }),
      options,
    );
    expect(scenario.settings).toMatchObject({ roundtrips: 5, dlq: true, sequential: true, maxErrors: 3 });
  });

  it('rejects a setting of the wrong type', () => {
    const { problems } = analyseBlueprint(blueprint([mod(1, 'a:T')], { scenario: { dlq: 'yes' } }), options);
    expect(find(problems, 'schema')?.pointer).toBe('/metadata/scenario/dlq');
  });
});

describe('loadScenario: templates and filters', () => {
  it('warns of a template syntax error with the formula position and the field pointer', () => {
    const { problems } = analyseBlueprint(
      blueprint([mod(1, 'a:T'), mod(2, 'a:B', { mapper: { url: 'x {{1.a' } })]),
      options,
    );
    const problem = find(problems, 'template-syntax');
    expect(problem?.pointer).toBe('/flow/1/mapper/url');
    // Make imports the blueprint and fails the module when it maps the field (compile.ts).
    expect(problem?.severity).toBe('warning');
    expect(problem?.message).toMatch(/position \d+/);
  });

  it('reports an unknown filter operator with the nearest real one as hint', () => {
    const filter = { name: 'f', conditions: [[{ a: '{{1.a}}', o: 'text:equl', b: 'x' }]] };
    const { problems } = analyseBlueprint(blueprint([mod(1, 'a:T'), mod(2, 'a:B', { filter })]), options);
    const problem = find(problems, 'unknown-operator');
    expect(problem?.pointer).toBe('/flow/1/filter/conditions/0/0/o');
    expect(problem?.hint).toContain('text:equal');
  });

  it('compiles the mapper and the filter of each module', () => {
    const filter = { name: 'f', conditions: [[{ a: '{{1.a}}', o: 'exist' }]] };
    const node = loadScenario(
      blueprint([mod(1, 'a:T'), mod(2, 'a:B', { filter, mapper: { x: '{{1.a}}' } })]),
      options,
    ).byId.get(2);
    expect(node?.mapper?.references).toEqual([1]);
    expect(node?.filter?.references).toEqual([1]);
  });

  it('takes the label from metadata.designer.name', () => {
    const scenario = loadScenario(
      blueprint([mod(1, 'a:T', { metadata: { designer: { x: 0, y: 0, name: 'Start' } } })]),
      options,
    );
    expect(scenario.byId.get(1)?.label).toBe('Start');
  });

  it('warns when a built-in module has a version we do not model', () => {
    const scenario = loadScenario(
      blueprint([mod(1, 'a:T'), mod(2, 'util:SetVariable2', { version: 7 })]),
      options,
    );
    expect(find(scenario.problems, 'unknown-version')?.pointer).toBe('/flow/1/version');
  });
});

describe('loadScenario: module definitions', () => {
  const checked = new ModuleRegistry([
    defineModule({
      key: 'x:Checked',
      versions: [1],
      kind: 'action',
      label: 'Checked',
      description: 'test double with a load-time check',
      fidelity: 'full',
      output: '-',
      validate: (node) =>
        node.parameters.mode === 'ok' ? [] : [{ pointer: '/parameters/mode', message: 'mode must be ok' }],
    }),
    defineModule({
      key: 'x:Crashy',
      versions: [1],
      kind: 'action',
      label: 'Crashy',
      description: 'test double whose check throws',
      fidelity: 'full',
      output: '-',
      validate: () => {
        throw new TypeError('boom');
      },
    }),
  ]);

  it("reports a definition's own check as module-config at the field's pointer", () => {
    const { problems } = analyseBlueprint(
      blueprint([mod(1, 'a:T'), mod(2, 'x:Checked', { parameters: { mode: 'no' } })]),
      { registry: checked },
    );
    expect(find(problems, 'module-config')?.pointer).toBe('/flow/1/parameters/mode');
    expect(find(problems, 'module-config')?.moduleId).toBe(2);
  });

  it('turns a check that throws into a problem, never an exception', () => {
    const { problems } = analyseBlueprint(blueprint([mod(1, 'a:T'), mod(2, 'x:Crashy')]), {
      registry: checked,
    });
    expect(codes(problems, 'error')).toEqual(['module-config']);
  });
});

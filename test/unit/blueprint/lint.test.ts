import { describe, expect, it } from 'vitest';
import { analyseBlueprint } from '../../../engine/blueprint/load.ts';
import { defineModule, type ModuleDefinition } from '../../../engine/registry/define-module.ts';
import type { ModuleKind } from '../../../engine/registry/module-kind.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { blueprint, codes, find, mod, type Raw } from './helpers.ts';

function fake(
  key: string,
  kind: ModuleKind,
  outputFields?: ModuleDefinition['outputFields'],
): ModuleDefinition {
  return defineModule({
    key,
    versions: [1],
    kind,
    label: key,
    description: '-',
    fidelity: 'full',
    output: '-',
    outputFields,
  });
}

const registry = new ModuleRegistry([
  fake('builtin:BasicFeeder', 'iterator'),
  fake('builtin:BasicRouter', 'router'),
  fake('builtin:Ignore', 'directive'),
  fake('util:TextAggregator', 'aggregator', ['text']),
  fake('util:FunctionSleep', 'action', []),
  fake('util:SetVariable2', 'action'),
  fake('json:ParseJSON', 'action', (node) => (node.parameters.type ? ['name'] : undefined)),
]);
const lint = (flow: Raw[]) => analyseBlueprint(blueprint(flow), { registry }).problems;
const uses = (expr: string) => ({ mapper: { v: expr } });
const iterator = mod(2, 'builtin:BasicFeeder', { mapper: { array: '{{1.items}}' } });
const textAggregator = mod(3, 'util:TextAggregator', {
  parameters: { feeder: 2 },
  mapper: { value: '{{2.value}}' },
});
const withInterface = (names: string[]) => ({
  metadata: { interface: names.map((name) => ({ name, type: 'text' })) },
});

describe('linter: fields a module does not output', () => {
  it('warns of {{N.value}} after a Text aggregator, which outputs text, with the nearest field', () => {
    const problems = lint([mod(1, 'a:T'), iterator, textAggregator, mod(4, 'a:C', uses('{{3.value}}'))]);
    const problem = find(problems, 'reference-unknown-field');
    expect(problem).toMatchObject({ severity: 'warning', pointer: '/flow/3/mapper/v', moduleId: 4 });
    expect(codes(problems)).toEqual(['reference-unknown-field']);
  });

  it('accepts the fields a built-in declares, and Make’s __IMT…__ fields', () => {
    const problems = lint([
      mod(1, 'a:T'),
      iterator,
      textAggregator,
      mod(4, 'a:C', uses('{{3.text}} {{3.__IMTAGGLENGTH__}}')),
    ]);
    expect(problems).toEqual([]);
  });

  it('checks app modules against metadata.interface, first path segment only', () => {
    const app = mod(1, 'a:T', withInterface(['body', 'id']));
    expect(lint([app, mod(2, 'a:C', uses('{{1.body.items[].name}} {{1.id}}'))])).toEqual([]);
    const problems = lint([app, mod(2, 'a:C', uses('{{1.bdy.items[].name}}'))]);
    expect(find(problems, 'reference-unknown-field')?.hint).toContain('{{1.body}}');
  });

  it('does not check modules whose output is dynamic', () => {
    const problems = lint([
      mod(1, 'a:T'),
      mod(2, 'util:SetVariable2'),
      mod(3, 'json:ParseJSON'),
      mod(4, 'a:C', { metadata: { interface: [] } }),
      mod(5, 'a:D', uses('{{1.x}} {{2.x}} {{3.x}} {{4.x}}')),
    ]);
    expect(problems).toEqual([]);
  });

  it('asks a definition for its outputs when they depend on the settings', () => {
    const typed = mod(2, 'json:ParseJSON', { parameters: { type: 7 } });
    expect(codes(lint([mod(1, 'a:T'), typed, mod(3, 'a:C', uses('{{2.nam}}'))]))).toEqual([
      'reference-unknown-field',
    ]);
  });

  it('warns of any field of a module that outputs nothing', () => {
    const problems = lint([mod(1, 'a:T'), mod(2, 'util:FunctionSleep'), mod(3, 'a:C', uses('{{2.done}}'))]);
    expect(find(problems, 'reference-unknown-field')?.message).toContain('outputs nothing');
  });

  it('accepts {{N.error}} of the failed module inside its error route', () => {
    const failing = mod(2, 'a:C', {
      ...withInterface(['id']),
      onerror: [mod(3, 'a:Log', uses('{{2.error.message}}')), mod(4, 'builtin:Ignore')],
    });
    expect(lint([mod(1, 'a:T'), failing])).toEqual([]);
  });
});

describe('linter: scope after an aggregator', () => {
  it('keeps modules before the source module and the aggregator itself in scope', () => {
    const flow = [
      mod(1, 'a:T', withInterface(['items'])),
      iterator,
      textAggregator,
      mod(4, 'a:C', uses('{{1.items}} {{3.text}}')),
    ];
    expect(lint(flow)).toEqual([]);
  });

  it('warns of source-module items and of modules between source and aggregator mapped after it', () => {
    const flow = [
      mod(1, 'a:T'),
      iterator,
      mod(5, 'a:Between'),
      { ...textAggregator, mapper: { value: '{{5.x}}' } },
      mod(4, 'a:C', uses('{{2.value}} {{5.x}}')),
    ];
    const problems = lint(flow).filter((p) => p.code === 'reference-not-upstream');
    expect(problems.map((p) => p.message.slice(0, 6))).toEqual(['{{2.…}', '{{5.…}']);
  });

  it('restores the dropped stretch for a sibling route', () => {
    const routes = [
      { flow: [{ ...textAggregator }, mod(6, 'a:C', uses('{{3.text}}'))] },
      { flow: [mod(7, 'a:D', uses('{{2.value}}'))] },
    ];
    const flow = [mod(1, 'a:T'), iterator, mod(8, 'builtin:BasicRouter', { mapper: null, routes })];
    expect(lint(flow)).toEqual([]);
  });
});

describe('linter: unknown built-in module keys', () => {
  it('warns of builtin:Sleep, naming the built-in it probably meant', () => {
    const problems = lint([mod(1, 'a:T'), mod(2, 'builtin:Sleep')]);
    expect(find(problems, 'unknown-module')).toMatchObject({
      severity: 'warning',
      pointer: '/flow/1/module',
    });
    expect(find(problems, 'unknown-module')?.hint).toContain('util:FunctionSleep');
  });

  it('warns of builtin:BasicFilter, and not of app modules or structural built-ins', () => {
    const flow = [
      mod(1, 'a:T'),
      mod(2, 'builtin:BasicFilter'),
      mod(3, 'slack:Post'),
      mod(4, 'builtin:Commit'),
    ];
    expect(codes(lint(flow))).toEqual(['unknown-module']);
  });
});

describe('linter: routes Make does not read', () => {
  it('warns of a router whose routes are in parameters.routes, pointing at them', () => {
    const router = mod(2, 'builtin:BasicRouter', {
      mapper: null,
      parameters: { routes: [{ flow: [mod(3, 'a:C')] }] },
    });
    const problems = lint([mod(1, 'a:T'), router]);
    expect(find(problems, 'misplaced-routes')).toMatchObject({
      severity: 'warning',
      pointer: '/flow/1/parameters/routes',
      moduleId: 2,
    });
  });
});

import { describe, expect, it } from 'vitest';
import aggregateToJson from '../../../../modules/json/aggregate-to-json.ts';
import createJson from '../../../../modules/json/create-json.ts';
import { indentOf } from '../../../../modules/json/indent.ts';
import transformToJson from '../../../../modules/json/transform-to-json.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';

describe('JSON indentation', () => {
  it.each([
    ['', ''],
    ['tab', '\t'],
    ['2', 2],
    ['4', 4],
    [undefined, ''],
  ])('maps space %j to %j', (space, expected) => {
    expect(indentOf(space)).toBe(expected);
  });
});

describe('json:CreateJSON', () => {
  it('serializes the mapped fields into { json }', async () => {
    const call = fakeCall('json:CreateJSON', { model: 'm', temperature: 0.2 }, { type: 1, space: '' });
    expect(await createJson.run?.(call, fakeContext())).toEqual([
      { json: '{"model":"m","temperature":0.2}' },
    ]);
  });

  it('indents with two spaces when space is 2', async () => {
    const call = fakeCall('json:CreateJSON', { a: 1 }, { space: '2' });
    expect(await createJson.run?.(call, fakeContext())).toEqual([{ json: '{\n  "a": 1\n}' }]);
  });
});

describe('json:TransformToJSON', () => {
  it('serializes the object field', async () => {
    const call = fakeCall('json:TransformToJSON', { object: { b: [1, 2] } }, { space: '' });
    expect(await transformToJson.run?.(call, fakeContext())).toEqual([{ json: '{"b":[1,2]}' }]);
  });

  it('indents with a tab when space is tab', async () => {
    const call = fakeCall('json:TransformToJSON', { object: { a: 1 } }, { space: 'tab' });
    expect(await transformToJson.run?.(call, fakeContext())).toEqual([{ json: '{\n\t"a": 1\n}' }]);
  });

  it('serializes text values as JSON strings', async () => {
    const call = fakeCall('json:TransformToJSON', { object: 'say "hi"' }, {});
    expect(await transformToJson.run?.(call, fakeContext())).toEqual([{ json: '"say \\"hi\\""' }]);
  });
});

describe('json:AggregateToJSON', () => {
  it('is an aggregator emitting the items as one JSON array', () => {
    expect(aggregateToJson.kind).toBe('aggregator');
    const node = fakeCall('json:AggregateToJSON', {}, { feeder: 2, space: '' }).node;
    const out = aggregateToJson.aggregate?.(
      { items: [{ a: 1 }, { a: 2 }], parameters: { feeder: 2, space: '' }, node },
      fakeContext(),
    );
    expect(out).toEqual({ json: '[{"a":1},{"a":2}]' });
  });

  it('emits an empty array for an empty group', () => {
    const node = fakeCall('json:AggregateToJSON', {}, {}).node;
    expect(aggregateToJson.aggregate?.({ items: [], parameters: {}, node }, fakeContext())).toEqual({
      json: '[]',
    });
  });
});

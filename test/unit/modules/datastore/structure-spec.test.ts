/**
 * A data structure's `spec` (https://developers.make.com/api-documentation/api-reference/data-structures):
 * fields of Make's types; each problem names its place.
 */
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, specProblems } from '../../../../modules/datastore/structure-spec.ts';

const pointers = (spec: unknown) => specProblems(spec).map((p) => p.pointer);

describe('data structure spec', () => {
  it('accepts every Make field type, nested collections and arrays', () => {
    const spec = [
      ...FIELD_TYPES.filter((t) => t !== 'collection' && t !== 'array').map((type) => ({ name: type, type })),
      { name: 'address', type: 'collection', spec: [{ name: 'city', type: 'text', required: true }] },
      { name: 'tags', type: 'array', spec: { name: 'tag', type: 'text' } },
      { name: 'lines', type: 'array', spec: [{ name: 'sku', type: 'text' }] },
    ];
    expect(specProblems(spec)).toEqual([]);
  });

  it('names the field whose type is not a Make type', () => {
    expect(
      pointers([
        { name: 'a', type: 'text' },
        { name: 'b', type: 'string' },
      ]),
    ).toEqual(['spec/1/type']);
  });

  it('names a missing name or type, also inside a collection', () => {
    expect(pointers([{ type: 'text' }])).toEqual(['spec/0/name']);
    expect(pointers([{ name: 'c', type: 'collection', spec: [{ name: 'x' }] }])).toContain(
      'spec/0/spec/0/type',
    );
  });

  it('refuses a spec that is not a list', () => {
    expect(pointers({ name: 'a', type: 'text' })).toEqual(['spec']);
  });

  it('refuses two fields with one name at the same level', () => {
    expect(
      pointers([
        { name: 'a', type: 'text' },
        { name: 'a', type: 'number' },
      ]),
    ).toEqual(['spec/1/name']);
  });

  it('refuses a nested spec on a field that is neither collection nor array', () => {
    expect(pointers([{ name: 'a', type: 'text', spec: [{ name: 'b', type: 'text' }] }])).toEqual([
      'spec/0/spec',
    ]);
  });

  it('uses the pointer it is given, for config files', () => {
    expect(specProblems([{ name: 'a', type: 'bogus' }], '/dataStructures/2/spec')[0]?.pointer).toBe(
      '/dataStructures/2/spec/0/type',
    );
  });
});

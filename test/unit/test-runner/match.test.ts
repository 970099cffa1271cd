import { describe, expect, it } from 'vitest';
import { matchPartial } from '../../../test-runner/match.ts';

describe('matchPartial', () => {
  it('accepts extra keys in the actual object', () => {
    expect(matchPartial({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
  });

  it('names the nested path of a differing value', () => {
    const [m] = matchPartial(
      { a: { b: [1, { c: 'x' }] } },
      { a: { b: [1, { c: 'y' }] } },
      'modules.4.outputs',
    );
    expect(m?.path).toBe('modules.4.outputs.a.b[1].c');
    expect(m?.expected).toBe('x');
    expect(m?.actual).toBe('y');
  });

  it('fails when an array has a different length', () => {
    const mismatches = matchPartial([{ a: 1 }], [{ a: 1 }, { a: 2 }], 'outputs');
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]?.path).toBe('outputs');
  });

  it('reports a missing key', () => {
    expect(matchPartial({ a: 1, z: 0 }, { a: 1 })[0]?.path).toBe('z');
  });

  it('compares a Date with its ISO text', () => {
    expect(matchPartial({ d: '2024-01-01T00:00:00.000Z' }, { d: new Date('2024-01-01T00:00:00Z') })).toEqual(
      [],
    );
    expect(
      matchPartial({ d: '2024-01-02T00:00:00.000Z' }, { d: new Date('2024-01-01T00:00:00Z') }),
    ).toHaveLength(1);
  });

  it('distinguishes null from a missing value and from 0', () => {
    expect(matchPartial({ a: null }, {})).toHaveLength(1);
    expect(matchPartial({ a: null }, { a: 0 })).toHaveLength(1);
    expect(matchPartial({ a: '1' }, { a: 1 })).toHaveLength(1);
  });
});

/** Data structure validators are cached by the schema's text, and the cache stays bounded. */
import { describe, expect, it } from 'vitest';
import {
  applyStructure,
  cachedStructureCount,
  MAX_CACHED_STRUCTURES,
} from '../../../../modules/datastore/structure.ts';

const where = { store: 'orders', key: 'k' };

describe('data structure validators', () => {
  it('check a structure read again (a new object) the same way', () => {
    const structure = () => ({ strict: true, fields: [{ name: 'total', type: 'number' as const }] });
    expect(applyStructure(structure(), { total: '5' }, where)).toEqual({ total: 5 });
    expect(() => applyStructure(structure(), { other: 1 }, where)).toThrow(
      /not in the strict data structure/,
    );
  });

  it('keep at most MAX_CACHED_STRUCTURES validators, however many structures a process sees', () => {
    for (let i = 0; i < MAX_CACHED_STRUCTURES * 3; i++) {
      const fields = [{ name: `field${i}`, type: 'text' as const, required: true }];
      expect(() => applyStructure({ strict: false, fields }, {}, where)).toThrow(`/field${i}: required`);
    }
    expect(cachedStructureCount()).toBe(MAX_CACHED_STRUCTURES);
  });
});

/**
 * makesim.config.json `dataStructures`
 * (https://developers.make.com/api-documentation/api-reference/data-structures): problems named by JSON
 * pointer.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../config/config-error.ts';
import { parseConfig } from '../../../config/load-config.ts';

function pointersOf(raw: unknown): string[] {
  try {
    parseConfig(raw, { root: '/project' });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.pointer);
    throw error;
  }
  return [];
}

const spec = [{ name: 'email', type: 'text', required: true }];

describe('config dataStructures', () => {
  it('reads data structures, defaulting to none', () => {
    expect(parseConfig({}, { root: '/p' }).dataStructures).toEqual([]);
    const config = parseConfig(
      { dataStructures: [{ id: 5, name: 'Lead', strict: true, spec }] },
      { root: '/p' },
    );
    expect(config.dataStructures).toEqual([{ id: 5, name: 'Lead', strict: true, spec }]);
  });

  it('names a field whose type is not a Make type', () => {
    expect(pointersOf({ dataStructures: [{ name: 'Lead', spec: [{ name: 'a', type: 'string' }] }] })).toEqual(
      ['/dataStructures/0/spec/0/type'],
    );
  });

  it('names a missing spec and an unknown key', () => {
    expect(pointersOf({ dataStructures: [{ name: 'Lead', spek: [] }] }).sort()).toEqual([
      '/dataStructures/0/spec',
      '/dataStructures/0/spek',
    ]);
  });

  it('refuses two structures with one id or one name, and duplicate field names', () => {
    const pointers = pointersOf({
      dataStructures: [
        { id: 1, name: 'A', spec },
        { id: 1, name: 'A', spec: [...spec, ...spec] },
      ],
    });
    expect(pointers.sort()).toEqual([
      '/dataStructures/1/id',
      '/dataStructures/1/name',
      '/dataStructures/1/spec/1/name',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayFunctions } from '../../../../engine/expression/functions/array.ts';
import { callerFor, functionContext } from './helpers.ts';

const call = callerFor(
  arrayFunctions,
  functionContext({ now: new Date(0), random: () => 0, uuid: () => 'u' }),
);

function sort(...args: unknown[]): Record<string, unknown>[] {
  return call('sort', ...args) as Record<string, unknown>[];
}

const ORDERS = ['asc', 'desc', 'asc ci', 'desc ci'] as const;

/** Few distinct keys, so ties are frequent; `id` records the input position. */
const keyArb = fc.oneof(
  fc.constantFrom('a', 'A', 'b', 'B', 'ab', ''),
  fc.integer({ min: -3, max: 3 }),
  fc.constant(null),
);
const itemsArb = fc
  .array(keyArb, { maxLength: 30 })
  .map((keys) => keys.map((k, id) => ({ k: k === null ? undefined : k, id })));

/** The key as the order mode compares it, for checking ties. */
function comparable(key: unknown, order: string): unknown {
  return typeof key === 'string' && order.endsWith('ci') ? key.toLowerCase() : key;
}

describe('sort properties', () => {
  for (const order of ORDERS) {
    it(`is stable for ${order}: items with equal keys keep their input order`, () => {
      fc.assert(
        fc.property(itemsArb, (items) => {
          const sorted = sort(items, order, 'k');
          for (let i = 1; i < sorted.length; i++) {
            const prev = sorted[i - 1];
            const cur = sorted[i];
            if (prev === undefined || cur === undefined) continue;
            if (comparable(prev.k, order) === comparable(cur.k, order)) {
              expect(prev.id as number).toBeLessThan(cur.id as number);
            }
          }
        }),
      );
    });

    it(`is idempotent for ${order}: sorting a sorted array changes nothing`, () => {
      fc.assert(
        fc.property(itemsArb, (items) => {
          const once = sort(items, order, 'k');
          expect(sort(once, order, 'k')).toEqual(once);
        }),
      );
    });
  }

  it('keeps every item (a permutation of the input)', () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom(...ORDERS), (items, order) => {
        const ids = sort(items, order, 'k').map((item) => item.id as number);
        expect([...ids].sort((a, b) => a - b)).toEqual(items.map((item) => item.id));
      }),
    );
  });
});

/**
 * Model check of the store's transactions (https://help.make.com/rollback-error-handler): any sequence of
 * writes, begins, commits and rollbacks leaves exactly the rows a plain Map model with a snapshot stack
 * predicts — rollback restores the snapshot taken at its begin, commit keeps the writes (savepoints nest).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SqliteDataStore } from '../../../../modules/datastore/sqlite-data-store.ts';

type Op =
  | { kind: 'put'; key: string; value: number }
  | { kind: 'delete'; key: string }
  | { kind: 'deleteAll' }
  | { kind: 'begin' }
  | { kind: 'commit' }
  | { kind: 'rollback' };

const key = fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor');
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('put' as const), key, value: fc.integer() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), key }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'deleteAll' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'begin' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'commit' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'rollback' as const }), weight: 1 },
);

function apply(model: { rows: Map<string, number>; stack: Map<string, number>[] }, o: Op): void {
  if (o.kind === 'put') model.rows.set(o.key, o.value);
  else if (o.kind === 'delete') model.rows.delete(o.key);
  else if (o.kind === 'deleteAll') model.rows.clear();
  else if (o.kind === 'begin') model.stack.push(new Map(model.rows));
  else if (o.kind === 'commit') model.stack.pop();
  else model.rows = model.stack.pop() ?? model.rows;
}

describe('data store transactions against a model', () => {
  it('matches the model after any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const port = new SqliteDataStore({ database: ':memory:', stores: [{ name: 's' }] });
        const store = port.store('s');
        const model = { rows: new Map<string, number>(), stack: [] as Map<string, number>[] };
        for (const o of ops) {
          // commit/rollback with nothing open is an engine fault, covered in the contract suite.
          if ((o.kind === 'commit' || o.kind === 'rollback') && model.stack.length === 0) continue;
          if (o.kind === 'put') store.put(o.key, { v: o.value });
          else if (o.kind === 'delete') store.delete(o.key);
          else if (o.kind === 'deleteAll') store.deleteAll();
          else port[o.kind]();
          apply(model, o);
        }
        const actual = Object.fromEntries(store.search({}).map((r) => [r.key, r.data.v]));
        expect(actual).toEqual(Object.fromEntries(model.rows));
        // The size figure follows the rows through rollbacks (limits.ts: key + JSON bytes).
        const expectedSize = [...model.rows].reduce(
          (sum, [k, v]) => sum + k.length + JSON.stringify({ v }).length,
          0,
        );
        expect(store.size()).toBe(expectedSize);
        port.close();
      }),
      { numRuns: 200 },
    );
  });
});

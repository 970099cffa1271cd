/** CallColumns: calls stored as columns give back the same calls, whatever their output counts. */
import { describe, expect, it } from 'vitest';
import { CallColumns } from '../../../engine/state/call-columns.ts';

describe('CallColumns', () => {
  it('gives back uniform calls, then calls after the pattern breaks, with their cycles', () => {
    const outputs = [{ o: 0 }, { o: 1 }, { o: 2 }, { o: 3 }, { o: 4 }, { o: 5 }];
    const columns = new CallColumns(null);
    columns.add({ i: 0 }, 0, 1, null, 1);
    columns.add({ i: 1 }, 1, 1, null, 1);
    columns.add({ i: 2 }, 2, 3, null, 2);
    const error = { type: 'DataError', message: 'bad' };
    columns.add({ i: 3 }, 5, 0, error, 2);
    columns.add({ i: 4 }, 5, 1, null, 3);
    expect(columns.materialize(outputs)).toEqual([
      { input: { i: 0 }, output: [{ o: 0 }], error: null, cycle: 1 },
      { input: { i: 1 }, output: [{ o: 1 }], error: null, cycle: 1 },
      { input: { i: 2 }, output: [{ o: 2 }, { o: 3 }, { o: 4 }], error: null, cycle: 2 },
      { input: { i: 3 }, output: [], error, cycle: 2 },
      { input: { i: 4 }, output: [{ o: 5 }], error: null, cycle: 3 },
    ]);
  });

  it('starts uniform calls where the first call started (outputs pushed before the first call)', () => {
    const outputs = [{ o: 'emitted' }, { o: 'a' }, { o: 'b' }];
    const columns = new CallColumns(null);
    columns.add({}, 1, 1, null, 1);
    columns.add({}, 2, 1, null, 1);
    expect(columns.materialize(outputs).map((c) => c.output)).toEqual([[{ o: 'a' }], [{ o: 'b' }]]);
  });
});

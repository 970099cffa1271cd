import { describe, expect, it } from 'vitest';
import { MAX_INSTANT_CYCLES, planCycles } from '../../../engine/flow/cycles.ts';

describe('cycles (https://help.make.com/scenario-execution-cycles-and-phases)', () => {
  it('gives an instant trigger one cycle per event', () => {
    const plan = planCycles(true, [{ a: 1 }, { a: 2 }], 1);
    expect(plan.count).toBe(2);
    expect(plan.inputOf(2)).toEqual({ a: 2 });
  });

  it('treats one object as one event and no input as one empty check', () => {
    expect(planCycles(true, { a: 1 }, 1).count).toBe(1);
    const empty = planCycles(true, undefined, 1);
    expect(empty.count).toBe(1);
    expect(empty.inputOf(1)).toBeUndefined();
  });

  it('caps instant cycles like Make', () => {
    expect(planCycles(true, new Array(150).fill({}), 1).count).toBe(MAX_INSTANT_CYCLES);
  });

  it('gives a polling trigger its input in cycle 1 only, up to maxCycles', () => {
    const plan = planCycles(false, [{ a: 1 }], 3);
    expect(plan.count).toBe(3);
    expect(plan.inputOf(1)).toEqual([{ a: 1 }]);
    expect(plan.inputOf(2)).toBeUndefined();
  });
});

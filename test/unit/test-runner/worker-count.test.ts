/** How many workers `makesim test` uses: `--workers N` as asked, `auto` by cores and cases. */
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../../test-runner/run-suite.ts';

describe('the worker count', () => {
  it('leaves one core to V8 under auto, so a 2-core machine runs the cases in one thread', () => {
    expect(workerCount('auto', 10_000, 2)).toBe(1);
    expect(workerCount('auto', 10_000, 4)).toBe(3);
    expect(workerCount('auto', 10_000, 1)).toBe(1);
  });

  it('starts no more than one worker per 1,000 cases under auto', () => {
    expect(workerCount('auto', 1_000, 8)).toBe(1);
    expect(workerCount('auto', 1_001, 8)).toBe(2);
    expect(workerCount('auto', 2_500, 8)).toBe(3);
  });

  it('uses the number asked for, but never more workers than cases', () => {
    expect(workerCount(3, 10, 2)).toBe(3);
    expect(workerCount(5, 2, 8)).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { RunVariables } from '../../../engine/runtime/variables.ts';

describe('RunVariables (https://help.make.com/util)', () => {
  it('forgets one-cycle variables between cycles and keeps execution ones', () => {
    const vars = new RunVariables();
    vars.set('a', 1, 'roundtrip');
    vars.set('b', 2, 'execution');
    vars.resetCycle();
    expect(vars.get('a')).toBeUndefined();
    expect(vars.get('b')).toBe(2);
  });

  it('reads the latest value set under either lifetime', () => {
    const vars = new RunVariables();
    vars.set('x', 'run', 'execution');
    vars.set('x', 'cycle', 'roundtrip');
    expect(vars.get('x')).toBe('cycle');
    vars.set('x', 'run again', 'execution');
    expect(vars.get('x')).toBe('run again');
  });
});

import { describe, expect, it } from 'vitest';
import { memoryState } from '../../../../engine/ports/state.ts';
import { functionIncrement } from '../../../../modules/util/function-increment.ts';
import { fakeContext, run } from './fake-context.ts';

describe('Increment function (https://help.make.com/incremental-variables)', () => {
  it('never resets with reset "scenario": the counter survives across executions', async () => {
    const state = memoryState();
    expect(await run(functionIncrement, {}, fakeContext({ state }), { reset: 'scenario' })).toEqual([
      { i: 1 },
    ]);
    expect(await run(functionIncrement, {}, fakeContext({ state }), { reset: 'scenario' })).toEqual([
      { i: 2 },
    ]);
  });

  it('restarts for each execution with reset "execution"', async () => {
    const ctx = fakeContext();
    await run(functionIncrement, {}, ctx, { reset: 'execution' });
    expect(await run(functionIncrement, {}, ctx, { reset: 'execution' })).toEqual([{ i: 2 }]);
    expect(await run(functionIncrement, {}, fakeContext(), { reset: 'execution' })).toEqual([{ i: 1 }]);
  });

  it('restarts for each cycle with reset "run"', async () => {
    const ctx = fakeContext();
    await run(functionIncrement, {}, ctx, { reset: 'run' });
    ctx.cycle = 2;
    expect(await run(functionIncrement, {}, ctx, { reset: 'run' })).toEqual([{ i: 1 }]);
  });
});

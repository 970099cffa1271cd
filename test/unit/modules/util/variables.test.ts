import { describe, expect, it } from 'vitest';
import { getVariable2 } from '../../../../modules/util/get-variable2.ts';
import { getVariables } from '../../../../modules/util/get-variables.ts';
import { setVariable2 } from '../../../../modules/util/set-variable2.ts';
import { setVariables } from '../../../../modules/util/set-variables.ts';
import { fakeContext, run } from './fake-context.ts';

describe('variable modules (https://help.make.com/util)', () => {
  it('Set variable outputs the value under its name and stores it for Get variable', async () => {
    const ctx = fakeContext();
    expect(await run(setVariable2, { name: 'total', scope: 'execution', value: 42 }, ctx)).toEqual([
      { total: 42 },
    ]);
    expect(await run(getVariable2, { name: 'total' }, ctx)).toEqual([{ total: 42 }]);
  });

  it('Set multiple variables sets every pair in one call', async () => {
    const ctx = fakeContext();
    const out = await run(
      setVariables,
      {
        scope: 'roundtrip',
        variables: [
          { name: 'a', value: 1 },
          { name: 'b', value: 'x' },
        ],
      },
      ctx,
    );
    expect(out).toEqual([{ a: 1, b: 'x' }]);
    expect(await run(getVariables, { variables: ['a', { name: 'b' }, 'missing'] }, ctx)).toEqual([
      { a: 1, b: 'x', missing: undefined },
    ]);
  });

  it('defaults the lifetime to one cycle', async () => {
    const ctx = fakeContext();
    await run(setVariable2, { name: 'a', value: 1 }, ctx);
    (ctx.variables as unknown as { resetCycle(): void }).resetCycle();
    expect(await run(getVariable2, { name: 'a' }, ctx)).toEqual([{ a: undefined }]);
  });
});

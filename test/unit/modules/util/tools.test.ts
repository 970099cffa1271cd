import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../../engine/ports/clock.ts';
import { basicTrigger } from '../../../../modules/util/basic-trigger.ts';
import { composeTransformer } from '../../../../modules/util/compose-transformer.ts';
import { functionSleep } from '../../../../modules/util/function-sleep.ts';
import { switcher } from '../../../../modules/util/switcher.ts';
import { fakeContext, run } from './fake-context.ts';

const cases = [
  { pattern: '^a', output: 'starts with a' },
  { pattern: 'b', output: 'is b' },
];

describe('Switch', () => {
  it('returns the output of the first matching case', async () => {
    expect(await run(switcher, { input: 'b', casesTable: cases, elseOutput: 'else' })).toEqual([
      { output: 'is b' },
    ]);
  });

  it('matches patterns as regular expressions when asked', async () => {
    expect(await run(switcher, { input: 'abc', useRegExpMatch: true, casesTable: cases })).toEqual([
      { output: 'starts with a' },
    ]);
  });

  it('falls back to the else output, and to no bundle without one', async () => {
    expect(await run(switcher, { input: 'z', casesTable: cases, elseOutput: 'else' })).toEqual([
      { output: 'else' },
    ]);
    expect(await run(switcher, { input: 'z', casesTable: cases })).toEqual([]);
  });
});

describe('Compose a string', () => {
  it('outputs the text as value', async () => {
    expect(await run(composeTransformer, { value: 'Hello' })).toEqual([{ value: 'Hello' }]);
    expect(await run(composeTransformer, {})).toEqual([{ value: '' }]);
  });
});

describe('Basic trigger', () => {
  it('outputs one bundle per values item', async () => {
    const parameters = {
      values: [
        { spec: [{ name: 'text', value: 'a' }] },
        {
          spec: [
            { name: 'text', value: 'b' },
            { name: 'n', value: '2' },
          ],
        },
      ],
    };
    expect(await run(basicTrigger, {}, fakeContext(), parameters)).toEqual([
      { text: 'a' },
      { text: 'b', n: '2' },
    ]);
  });
});

describe('Sleep', () => {
  it('waits through the context clock, at most 300 seconds', async () => {
    const clock = new SimulatedClock(0);
    await run(functionSleep, { duration: '5' }, fakeContext({ clock }));
    expect(clock.now().getTime()).toBe(5000);
    await run(functionSleep, { duration: 900 }, fakeContext({ clock }));
    expect(clock.now().getTime()).toBe(305_000);
  });
});

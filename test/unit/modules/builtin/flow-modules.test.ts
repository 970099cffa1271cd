import { describe, expect, it } from 'vitest';
import { basicAggregator } from '../../../../modules/builtin/basic-aggregator.ts';
import { basicFeeder } from '../../../../modules/builtin/basic-feeder.ts';
import { basicRepeater } from '../../../../modules/builtin/basic-repeater.ts';
import { aggregate, run } from '../util/fake-context.ts';

describe('Iterator', () => {
  it('outputs one bundle per element of the mapped array', async () => {
    expect(await run(basicFeeder, { array: [{ a: 1 }, { a: 2 }] })).toEqual([
      { a: 1, __IMTINDEX__: 1, __IMTLENGTH__: 2 },
      { a: 2, __IMTINDEX__: 2, __IMTLENGTH__: 2 },
    ]);
  });
});

describe('Repeater', () => {
  it('defaults start and step to 1', async () => {
    expect(await run(basicRepeater, { repeats: '3' })).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
  });
});

describe('Array aggregator', () => {
  it('outputs the items as array with their count', () => {
    expect(aggregate(basicAggregator, [{ v: 1 }, { v: 2 }], { feeder: 2 })).toEqual({
      array: [{ v: 1 }, { v: 2 }],
      __IMTAGGLENGTH__: 2,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { aggregateAggregator } from '../../../../modules/util/aggregate-aggregator.ts';
import { functionAggregator2 } from '../../../../modules/util/function-aggregator2.ts';
import { textAggregator } from '../../../../modules/util/text-aggregator.ts';
import { aggregate } from './fake-context.ts';

const rows = [{ value: 'a' }, { value: 'b' }, { value: 'c' }];
const numbers = [{ value: 4 }, { value: '6' }, { value: 'n/a' }, { value: 2 }];

describe('Text aggregator', () => {
  it('joins rows with a new line, a tab, nothing or a custom separator', () => {
    expect(aggregate(textAggregator, rows, { rowSeparator: '\n' })).toEqual({ text: 'a\nb\nc' });
    expect(aggregate(textAggregator, rows, { rowSeparator: '\t' })).toEqual({ text: 'a\tb\tc' });
    expect(aggregate(textAggregator, rows, { rowSeparator: '' })).toEqual({ text: 'abc' });
    expect(aggregate(textAggregator, rows, { rowSeparator: 'other', otherRowSeparator: ', ' })).toEqual({
      text: 'a, b, c',
    });
  });
});

describe('Numeric aggregator', () => {
  it('computes sum, avg, count, max and min over the numeric values', () => {
    expect(aggregate(functionAggregator2, numbers, { fn: 'sum' })).toEqual({ result: 12 });
    expect(aggregate(functionAggregator2, numbers, { fn: 'avg' })).toEqual({ result: 4 });
    expect(aggregate(functionAggregator2, numbers, { fn: 'count' })).toEqual({ result: 4 });
    expect(aggregate(functionAggregator2, numbers, { fn: 'max' })).toEqual({ result: 6 });
    expect(aggregate(functionAggregator2, numbers, { fn: 'min' })).toEqual({ result: 2 });
  });

  it('gives 0 for an empty aggregation', () => {
    expect(aggregate(functionAggregator2, [], { fn: 'avg' })).toEqual({ result: 0 });
  });
});

describe('Table aggregator', () => {
  it('joins fields with the column separator and rows with the row separator', () => {
    const items = [
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ];
    expect(aggregate(aggregateAggregator, items, { columnSeparator: ',', rowSeparator: '\n' })).toEqual({
      text: '1,x\n2,y',
    });
  });
});

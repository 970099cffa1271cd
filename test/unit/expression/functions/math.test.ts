import { describe, expect, it } from 'vitest';
import { mathFunctions } from '../../../../engine/expression/functions/math.ts';
import { callerFor, functionContext, makeErrorOf } from './helpers.ts';

const call = callerFor(mathFunctions, functionContext());
const errorOf = makeErrorOf;

describe('abs, ceil, floor, round', () => {
  it('match the Help Center examples', () => {
    expect([call('abs', -5), call('abs', 5), call('abs', 0), call('abs', -3.7)]).toEqual([5, 5, 0, 3.7]);
    expect([call('ceil', 1.2), call('ceil', 4)]).toEqual([2, 4]);
    expect([call('floor', 1.2), call('floor', 1.9), call('floor', 4)]).toEqual([1, 1, 4]);
    expect([call('round', 1.2), call('round', 1.5), call('round', 1.7), call('round', 2)]).toEqual([
      1, 2, 2, 2,
    ]);
  });

  it('rounds negative halves up, as JavaScript does (round(-1.5) = -1)', () => {
    expect(call('round', -1.5)).toBe(-1);
    expect(call('round', -2.5)).toBe(-2);
  });

  it('never returns negative zero', () => {
    expect(Object.is(call('round', -0.4), 0)).toBe(true);
    expect(Object.is(call('ceil', -0.5), 0)).toBe(true);
  });

  it('parses numeric text', () => {
    expect(call('abs', '-2.5')).toBe(2.5);
    expect(call('floor', ' 7.9 ')).toBe(7);
  });

  it('gives nothing for a missing value', () => {
    expect(call('abs', undefined)).toBeUndefined();
    expect(call('round', null)).toBeUndefined();
    expect(call('ceil', '')).toBeUndefined();
  });

  it('rejects text that is not a number with a DataError naming function and argument', () => {
    const error = errorOf(() => call('round', 'abc'));
    expect(error.type).toBe('DataError');
    expect(error.details).toMatchObject({ function: 'round', argument: 1 });
    expect(errorOf(() => call('abs', { a: 1 })).type).toBe('DataError');
  });
});

describe('trunc', () => {
  it('drops the fraction, or keeps the given number of decimals', () => {
    expect(call('trunc', 3.789)).toBe(3);
    expect(call('trunc', 3.789, 2)).toBe(3.78);
    expect(call('trunc', -3.789, 1)).toBe(-3.7);
  });

  it('does not suffer binary rounding (trunc(4.35; 2) stays 4.35)', () => {
    // 4.35 * 100 is 434.99999999999994 in binary, so a naive trunc would give 4.34.
    expect(call('trunc', 4.35, 2)).toBe(4.35);
    expect(call('trunc', 1.15, 2)).toBe(1.15);
  });

  it('truncates to tens and hundreds with negative decimals', () => {
    expect(call('trunc', 123.456, -2)).toBe(100);
  });
});

describe('aggregates', () => {
  it('take individual values or an array, mixed', () => {
    expect(call('sum', 1, 2, 3)).toBe(6);
    expect(call('sum', [1, 2], 3)).toBe(6);
    expect(call('max', [3, 9, 1])).toBe(9);
    expect(call('min', 3, [9, -1])).toBe(-1);
  });

  it('average(1; 6000) is 3000.5 (Make IML library test)', () => {
    expect(call('average', 1, 6000)).toBe(3000.5);
  });

  it('median matches the Help Center examples', () => {
    expect(call('median', 3, 5, 7)).toBe(5);
    expect(call('median', 2, 3, 5, 8)).toBe(4);
    expect(call('median', 2.5, 3.5, 2, 4.5, 1)).toBe(2.5);
  });

  it('stdevP and stdevS of 1..5 are sqrt(2) and sqrt(2.5)', () => {
    expect(call('stdevP', 1, 2, 3, 4, 5)).toBe(Math.sqrt(2));
    expect(call('stdevS', [1, 2, 3, 4, 5])).toBe(Math.sqrt(2.5));
  });

  it('parse numeric text items and skip missing ones', () => {
    expect(call('sum', ['1', '2.5', null, ''])).toBe(3.5);
  });

  it('give 0 for the sum of nothing and nothing for the other aggregates', () => {
    expect(call('sum', [])).toBe(0);
    expect(call('average', [])).toBeUndefined();
    expect(call('max', [])).toBeUndefined();
    expect(call('median', undefined)).toBeUndefined();
    expect(call('stdevS', [4])).toBeUndefined();
  });

  it('reject a non-numeric item, naming the argument it came from', () => {
    expect(errorOf(() => call('sum', 1, ['2', 'x'])).details).toMatchObject({ function: 'sum', argument: 2 });
  });
});

describe('parseNumber', () => {
  it('parses a localized number with the given decimal separator', () => {
    expect(call('parseNumber', '1 756,456', ',')).toBe(1756.456);
    expect(call('parseNumber', '1.756,456', ',')).toBe(1756.456);
    expect(call('parseNumber', '1,234.5', '.')).toBe(1234.5);
  });

  it('defaults to the dot separator and ignores currency signs', () => {
    expect(call('parseNumber', '$1,200.75')).toBe(1200.75);
  });

  it('keeps a leading minus', () => {
    expect(call('parseNumber', '-12,5', ',')).toBe(-12.5);
  });

  it('returns numbers as they are and nothing for missing values', () => {
    expect(call('parseNumber', 42, ',')).toBe(42);
    expect(call('parseNumber', undefined, ',')).toBeUndefined();
  });

  it('rejects text with no number in that format', () => {
    expect(errorOf(() => call('parseNumber', 'abc', ',')).details).toMatchObject({ function: 'parseNumber' });
    expect(errorOf(() => call('parseNumber', '1.2.3', '.')).type).toBe('DataError');
  });
});

describe('formatNumber', () => {
  it('formats with the given separators (Help Center example)', () => {
    expect(call('formatNumber', 123456789, 3, ',', '.')).toBe('123.456.789,000');
  });

  it('defaults to European separators', () => {
    expect(call('formatNumber', 1234567.891, 2)).toBe('1.234.567,89');
  });

  it('formats floor(average(1; 6000)) as 3.000,00 (Make IML library test)', () => {
    expect(call('formatNumber', 3000, 2, ',', '.')).toBe('3.000,00');
  });

  it('rounds half away from zero in decimal', () => {
    expect(call('formatNumber', 1.005, 2, '.', ',')).toBe('1.01');
    expect(call('formatNumber', -2.5, 0)).toBe('-3');
  });

  it('omits grouping when the thousands separator is empty text', () => {
    expect(call('formatNumber', 1234.5, 1, '.', '')).toBe('1234.5');
  });

  it('does not print a minus for a value that rounds to zero', () => {
    expect(call('formatNumber', -0.001, 2)).toBe('0,00');
  });

  it('rejects a non-numeric number argument', () => {
    expect(errorOf(() => call('formatNumber', 'abc', 2)).details).toMatchObject({ argument: 1 });
  });
});

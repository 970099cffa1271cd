/**
 * "Date expected" coercion (Make's help: https://help.make.com/type-coercion): every documented text form,
 * numbers as epoch milliseconds, the settings zone for text without an offset, and rejection of the rest.
 * The documented forms all describe 2016-06-20 19:26:44 at +02:00, i.e. 17:26:44 UTC.
 */
import { describe, expect, it } from 'vitest';
import { toDate } from '../../../../engine/expression/dates/coerce-date.ts';

const iso = (value: unknown, zone = 'UTC') => toDate(value, zone)?.toISOString();

describe('toDate', () => {
  it.each([
    ['2016-06-20T17:26:44.356Z', '2016-06-20T17:26:44.356Z'],
    ['2016-06-20 19:26:44 GMT+02:00', '2016-06-20T17:26:44.000Z'],
    ['2016-06-20 19:26+0200', '2016-06-20T17:26:00.000Z'],
    ['2016-06-20 17:26:44', '2016-06-20T17:26:44.000Z'],
    ['2016-06-20', '2016-06-20T00:00:00.000Z'],
    ['2016/06/20 17:26:44', '2016-06-20T17:26:44.000Z'],
    ['2016/06/20 19:26:44+02:00', '2016-06-20T17:26:44.000Z'],
    ['2016/06/20 17:26', '2016-06-20T17:26:00.000Z'],
    ['2016/06/20 5:26 PM', '2016-06-20T17:26:00.000Z'],
    ['2016/06/20', '2016-06-20T00:00:00.000Z'],
    ['06/20/2016 17:26:44', '2016-06-20T17:26:44.000Z'],
    ['06/20/2016 19:26:44+02:00', '2016-06-20T17:26:44.000Z'],
    ['06/20/2016 17:26', '2016-06-20T17:26:00.000Z'],
    ['06/20/2016 5:26 PM', '2016-06-20T17:26:00.000Z'],
    ['06/20/2016', '2016-06-20T00:00:00.000Z'],
    ['20.6.2016 17:26:44', '2016-06-20T17:26:44.000Z'],
    ['20.6.2016 19:26:44+02:00', '2016-06-20T17:26:44.000Z'],
    ['20.6.2016', '2016-06-20T00:00:00.000Z'],
  ])('accepts the documented form %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['2016-06-20T17:26:44Z', '2016-06-20T17:26:44.000Z'],
    ['2016-06-20T17:26Z', '2016-06-20T17:26:00.000Z'],
    ['2016-06-20T19:26:44.5+02:00', '2016-06-20T17:26:44.500Z'],
    ['2016-06-20T12:26:44-0500', '2016-06-20T17:26:44.000Z'],
    ['2016-06-20T19:26:44+02', '2016-06-20T17:26:44.000Z'],
    ['  2016-06-20  ', '2016-06-20T00:00:00.000Z'],
    ['2016-06-20 17:26:44 UTC', '2016-06-20T17:26:44.000Z'],
  ])('accepts the ISO 8601 variant %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(iso('06/20/2016 12:05 AM')).toBe('2016-06-20T00:05:00.000Z');
    expect(iso('06/20/2016 12:05 PM')).toBe('2016-06-20T12:05:00.000Z');
  });

  it('reads text without an offset in the given zone', () => {
    expect(iso('2016-06-20 19:26:44', 'Europe/Prague')).toBe('2016-06-20T17:26:44.000Z');
    expect(iso('2016-01-20', 'America/New_York')).toBe('2016-01-20T05:00:00.000Z');
  });

  it('ignores the zone when the text has an offset', () => {
    expect(iso('2016-06-20T17:26:44Z', 'Asia/Tokyo')).toBe('2016-06-20T17:26:44.000Z');
  });

  it('treats a number as milliseconds since 1970-01-01 UTC', () => {
    expect(iso(1482940986000)).toBe('2016-12-28T16:03:06.000Z');
    expect(iso(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('returns a valid Date unchanged', () => {
    const date = new Date('2020-01-01T00:00:00Z');
    expect(toDate(date, 'UTC')).toBe(date);
  });

  it.each([
    ['an invalid Date', new Date(Number.NaN)],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['free text', 'next tuesday'],
    ['empty text', ''],
    ['30 February', '2016-02-30'],
    ['month 13 (US order)', '13/01/2016'],
    ['hour 24', '2016-06-20 24:00'],
    ['13 PM', '2016/06/20 13:26 PM'],
    ['a year without month and day', '2016'],
    ['null', null],
    ['a collection', { year: 2016 }],
    ['a boolean', true],
  ])('rejects %s', (_label, value) => {
    expect(toDate(value, 'UTC')).toBeUndefined();
  });

  it('accepts 29 February only in leap years', () => {
    expect(iso('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(toDate('2023-02-29', 'UTC')).toBeUndefined();
  });
});

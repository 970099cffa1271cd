/**
 * parseDate's reader: Moment's default (non-strict) parsing, as Make uses it (docs/fidelity.md,
 * Dates). The token-by-token table is in test/conformance/iml/cases/date-tokens.json.
 */
import { describe, expect, it } from 'vitest';
import { parseWithTokens } from '../../../../engine/expression/dates/parse-date.ts';

const now = new Date('2024-01-15T23:30:00.000Z');

function parsed(text: string, format: string, zone = 'UTC'): string {
  const result = parseWithTokens(text, format, zone, now);
  if (!result.ok) throw new Error(`did not parse: ${result.reason}`);
  return result.date.toISOString();
}

function rejected(text: string, format: string): boolean {
  return !parseWithTokens(text, format, 'UTC', now).ok;
}

describe('parseWithTokens', () => {
  it('reads a full date and time', () => {
    expect(parsed('2016-12-28 16:03:06.372', 'YYYY-MM-DD HH:mm:ss.SSS')).toBe('2016-12-28T16:03:06.372Z');
  });
  it('reads the wall clock in the zone (Prague winter = UTC+1)', () => {
    expect(parsed('2016-12-28 16:03', 'YYYY-MM-DD HH:mm', 'Europe/Prague')).toBe('2016-12-28T15:03:00.000Z');
  });
  it('takes today from the zone, not from UTC (23:30Z on 15 Jan is 16 Jan in Prague)', () => {
    expect(parsed('08:00', 'HH:mm', 'Europe/Prague')).toBe('2024-01-16T07:00:00.000Z');
  });
  it('lets an offset in the text win over the zone', () => {
    expect(parsed('2016-12-28 16:03 +0100', 'YYYY-MM-DD HH:mm ZZ', 'America/New_York')).toBe(
      '2016-12-28T15:03:00.000Z',
    );
  });
  it('lets X win over every other field', () => {
    expect(parsed('1482940986 1999', 'X YYYY')).toBe('2016-12-28T16:03:06.000Z');
  });
  it('matches literals case-insensitively', () => {
    expect(parsed('2016t12', 'YYYY[T]MM')).toBe('2016-12-01T00:00:00.000Z');
  });
  it('reads compact times (Hmm, Hmmss)', () => {
    expect(parsed('2016-12-28 935', 'YYYY-MM-DD Hmm')).toBe('2016-12-28T09:35:00.000Z');
    expect(parsed('2016-12-28 160306', 'YYYY-MM-DD Hmmss')).toBe('2016-12-28T16:03:06.000Z');
  });
  it('reads a 29 February only in leap years', () => {
    expect(parsed('29.02.2024', 'DD.MM.YYYY')).toBe('2024-02-29T00:00:00.000Z');
    expect(rejected('29.02.2023', 'DD.MM.YYYY')).toBe(true);
  });
  it('reads day 366 only in leap years', () => {
    expect(parsed('2024 366', 'YYYY DDDD')).toBe('2024-12-31T00:00:00.000Z');
    expect(rejected('2023 366', 'YYYY DDDD')).toBe(true);
  });
  it('rejects a token that finds no digits', () => {
    expect(rejected('abc', 'YYYY')).toBe(true);
  });
  it('leaves the tokens the text runs out for to their defaults (Moment non-strict)', () => {
    expect(parsed('2016-12', 'YYYY-MM-DD')).toBe('2016-12-01T00:00:00.000Z');
  });
  it('rejects text in which no token matches', () => {
    expect(rejected('-- / --', 'YYYY-MM-DD')).toBe(true);
  });
  it('rejects minute 60 and second 60', () => {
    expect(rejected('10:60', 'HH:mm')).toBe(true);
    expect(rejected('10:00:60', 'HH:mm:ss')).toBe(true);
  });
  it('rejects 24:30 (only 24:00:00 means the next midnight)', () => {
    expect(rejected('2016-12-28 24:30', 'YYYY-MM-DD HH:mm')).toBe(true);
  });
  it('rejects tokens that cannot parse (zone abbreviation z)', () => {
    expect(rejected('2023 CET', 'YYYY z')).toBe(true);
  });
  it('reads English-locale weeks: week 1 of 2021 starts on Sunday 27 December 2020', () => {
    expect(parsed('2021 01', 'gggg ww')).toBe('2020-12-27T00:00:00.000Z');
  });
});

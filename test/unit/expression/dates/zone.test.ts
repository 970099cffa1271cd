/**
 * Zone rules (Make's help: https://help.make.com/manage-time-zones). DST facts used below: Europe/Prague
 * springs forward 2024-03-31 02:00 CET → 03:00 CEST and falls back 2024-10-27 03:00 CEST → 02:00 CET;
 * America/New_York springs forward 2024-03-10 02:00 → 03:00 and falls back 2024-11-03 02:00 → 01:00.
 * The ambiguity rules are moment-timezone's documented ones ("Parsing Ambiguities").
 */
import { describe, expect, it } from 'vitest';
import {
  instantAtOffset,
  instantOf,
  isZone,
  normalizeWall,
  resolveZone,
  type WallClock,
  wallClockOf,
} from '../../../../engine/expression/dates/zone.ts';

const wall = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): WallClock => ({
  year: y,
  month: mo,
  day: d,
  hour: h,
  minute: mi,
  second: s,
  millisecond: ms,
});

describe('isZone', () => {
  it('knows UTC and the IANA names Intl knows, and nothing else', () => {
    expect(isZone('UTC')).toBe(true);
    expect(isZone('Europe/Prague')).toBe(true);
    expect(isZone('US/Eastern')).toBe(true); // an alias, not on Intl's list of canonical names
    expect(isZone('europe/prague')).toBe(true); // Intl reads zone names case-insensitively
    expect(isZone('Mars/Olympus')).toBe(false);
    expect(isZone('')).toBe(false);
    expect(isZone('UTC+1')).toBe(false);
  });
});

describe('resolveZone', () => {
  it('uses the argument when it is an IANA zone', () => {
    expect(resolveZone('America/New_York', 'Europe/Prague')).toBe('America/New_York');
  });
  it('ignores an unknown zone in favour of the default', () => {
    expect(resolveZone('Mars/Olympus', 'Europe/Prague')).toBe('Europe/Prague');
  });
  it('ignores empty and non-text zone arguments', () => {
    expect(resolveZone('', 'Europe/Prague')).toBe('Europe/Prague');
    expect(resolveZone(undefined, 'Europe/Prague')).toBe('Europe/Prague');
    expect(resolveZone(42, 'Europe/Prague')).toBe('Europe/Prague');
  });
  it('falls back to UTC when the default itself is unknown', () => {
    expect(resolveZone(undefined, 'Nowhere/Land')).toBe('UTC');
  });
});

describe('wall clocks and instants', () => {
  it('reads the wall clock of an instant in a zone (CEST is UTC+2)', () => {
    expect(wallClockOf(new Date('2024-07-01T10:00:00.250Z'), 'Europe/Prague')).toEqual(
      wall(2024, 7, 1, 12, 0, 0, 250),
    );
  });
  it('finds the instant of an ordinary wall clock', () => {
    expect(instantOf(wall(2024, 1, 15, 10), 'Europe/Prague').toISOString()).toBe('2024-01-15T09:00:00.000Z');
  });
  it('moves a skipped spring time forward by the gap (Prague 02:30 → 03:30 CEST)', () => {
    expect(instantOf(wall(2024, 3, 31, 2, 30), 'Europe/Prague').toISOString()).toBe(
      '2024-03-31T01:30:00.000Z',
    );
  });
  it('moves a skipped spring time forward in New York (02:30 → 03:30 EDT)', () => {
    expect(instantOf(wall(2024, 3, 10, 2, 30), 'America/New_York').toISOString()).toBe(
      '2024-03-10T07:30:00.000Z',
    );
  });
  it('takes the earlier instant of a repeated autumn hour (Prague 02:30 CEST)', () => {
    expect(instantOf(wall(2024, 10, 27, 2, 30), 'Europe/Prague').toISOString()).toBe(
      '2024-10-27T00:30:00.000Z',
    );
  });
  it('takes the earlier instant of a repeated autumn hour (New York 01:30 EDT)', () => {
    expect(instantOf(wall(2024, 11, 3, 1, 30), 'America/New_York').toISOString()).toBe(
      '2024-11-03T05:30:00.000Z',
    );
  });
  it('applies an explicit offset without looking at any zone', () => {
    expect(instantAtOffset(wall(2016, 6, 20, 19, 26), 120).toISOString()).toBe('2016-06-20T17:26:00.000Z');
  });
});

describe('normalizeWall', () => {
  it('rolls seconds, minutes and hours into the next unit', () => {
    expect(normalizeWall(wall(2015, 10, 7, 11, 36, 61))).toEqual(wall(2015, 10, 7, 11, 37, 1));
    expect(normalizeWall(wall(2015, 10, 7, 61, 0))).toEqual(wall(2015, 10, 9, 13, 0));
  });
  it('rolls day 0 back to the last day of the previous month (leap year)', () => {
    expect(normalizeWall(wall(2024, 3, 0))).toEqual(wall(2024, 2, 29));
  });
  it('keeps years below 100 as they are (no 1900 offset)', () => {
    expect(normalizeWall(wall(22, 2, 15)).year).toBe(22);
  });
});

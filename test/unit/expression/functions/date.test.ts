/**
 * Date functions through the catalogue, as the evaluator calls them (Make's help:
 * https://help.make.com/date-and-time-functions, https://help.make.com/manage-time-zones,
 * https://developers.make.com/custom-apps-documentation/block-elements/iml). DST facts: Europe/Prague springs
 * forward 2024-03-31 02:00 → 03:00 and falls back
 * 2024-10-27 03:00 → 02:00; America/New_York springs forward 2024-03-10 and falls back 2024-11-03.
 * Expected values are reasoned in each test's name.
 */
import { describe, expect, it } from 'vitest';
import { functions } from '../../../../engine/expression/functions/index.ts';
import { dataErrorThrower, findFunction, functionContext } from './helpers.ts';

const NOW = new Date('2024-01-15T10:30:00.000Z');

function callIn(timezone: string, name: string, ...args: unknown[]): unknown {
  return findFunction(functions, name).impl(args, functionContext({ timezone, now: NOW }));
}

const call = (name: string, ...args: unknown[]) => callIn('UTC', name, ...args);
const isoIn = (timezone: string, name: string, ...args: unknown[]) =>
  (callIn(timezone, name, ...args) as Date).toISOString();
const iso = (name: string, ...args: unknown[]) => isoIn('UTC', name, ...args);
const dataError = dataErrorThrower(call);

describe('catalogue', () => {
  it('registers every documented date function', () => {
    const names = [
      'formatDate',
      'parseDate',
      'addSeconds',
      'addMinutes',
      'addHours',
      'addDays',
      'addMonths',
      'addYears',
    ];
    const setters = ['setSecond', 'setMinute', 'setHour', 'setDay', 'setDate', 'setMonth', 'setYear'];
    for (const name of [...names, ...setters]) expect(functions.has(name)).toBe(true);
  });
  it('does not invent names Make does not have', () => {
    for (const name of ['dateDifference', 'startOfDay', 'endOfDay', 'addWeekDays', 'dayOfWeek', 'toDate']) {
      expect(functions.has(name)).toBe(false);
    }
  });
});

describe('add* across DST', () => {
  it('addDays keeps 10:00 local across the Prague spring change (09:00Z → 08:00Z)', () => {
    expect(isoIn('Europe/Prague', 'addDays', '2024-03-30T09:00:00Z', 1)).toBe('2024-03-31T08:00:00.000Z');
  });
  it('addDays keeps 10:00 local across the Prague autumn change (08:00Z → 09:00Z)', () => {
    expect(isoIn('Europe/Prague', 'addDays', '2024-10-26T08:00:00Z', 1)).toBe('2024-10-27T09:00:00.000Z');
  });
  it('addDays keeps 10:00 local across the New York spring change (15:00Z → 14:00Z)', () => {
    expect(isoIn('America/New_York', 'addDays', '2024-03-09T15:00:00Z', 1)).toBe('2024-03-10T14:00:00.000Z');
  });
  it('addDays onto a skipped local time moves forward an hour (02:30 → 03:30 CEST)', () => {
    expect(isoIn('Europe/Prague', 'addDays', '2024-03-30T01:30:00Z', 1)).toBe('2024-03-31T01:30:00.000Z');
  });
  it('addDays onto a repeated local time takes the earlier instant (02:30 CEST)', () => {
    expect(isoIn('Europe/Prague', 'addDays', '2024-10-26T00:30:00Z', 1)).toBe('2024-10-27T00:30:00.000Z');
  });
  it('addHours adds exact hours across the change (00:30Z + 1 h = 01:30Z)', () => {
    expect(isoIn('Europe/Prague', 'addHours', '2024-03-31T00:30:00Z', 1)).toBe('2024-03-31T01:30:00.000Z');
  });
  it('addMonths keeps local time from winter into summer (Prague 10:00 CET → 10:00 CEST)', () => {
    expect(isoIn('Europe/Prague', 'addMonths', '2024-01-15T09:00:00Z', 6)).toBe('2024-07-15T08:00:00.000Z');
  });
  it('addDays in UTC is exactly 24 h', () => {
    expect(iso('addDays', '2024-03-30T09:00:00Z', 1)).toBe('2024-03-31T09:00:00.000Z');
  });
});

describe('month ends and leap years', () => {
  it('addMonths("2024-01-31"; 1) clamps to 29 February (leap year)', () => {
    expect(iso('addMonths', '2024-01-31', 1)).toBe('2024-02-29T00:00:00.000Z');
  });
  it('addMonths("2023-01-31"; 1) clamps to 28 February', () => {
    expect(iso('addMonths', '2023-01-31', 1)).toBe('2023-02-28T00:00:00.000Z');
  });
  it('addMonths backwards clamps too (31 March − 1 = 29 February 2024)', () => {
    expect(iso('addMonths', '2024-03-31', -1)).toBe('2024-02-29T00:00:00.000Z');
  });
  it('addMonths over a year boundary (November + 3 = February next year)', () => {
    expect(iso('addMonths', '2023-11-30', 3)).toBe('2024-02-29T00:00:00.000Z');
  });
  it('addYears from 29 February: +1 → 28 February, +4 → 29 February', () => {
    expect(iso('addYears', '2024-02-29T12:00:00Z', 1)).toBe('2025-02-28T12:00:00.000Z');
    expect(iso('addYears', '2024-02-29T12:00:00Z', 4)).toBe('2028-02-29T12:00:00.000Z');
  });
  it('setYear from 29 February to a common year gives 28 February', () => {
    expect(iso('setYear', '2024-02-29T12:00:00Z', 2023)).toBe('2023-02-28T12:00:00.000Z');
  });
  it('setMonth clamps the day to the new month (31 January → 29 February)', () => {
    expect(iso('setMonth', '2024-01-31T12:00:00Z', 2)).toBe('2024-02-29T12:00:00.000Z');
  });
  it('setDate 30 in February 2024 rolls to 1 March', () => {
    expect(iso('setDate', '2024-02-10T12:00:00Z', 30)).toBe('2024-03-01T12:00:00.000Z');
  });
  it('setDate 0 is the last day of the previous month', () => {
    expect(iso('setDate', '2024-03-10T12:00:00Z', 0)).toBe('2024-02-29T12:00:00.000Z');
  });
});

describe('set*', () => {
  it('setSecond -1 rolls into the previous minute', () => {
    expect(iso('setSecond', '2015-10-07T11:36:39.138Z', -1)).toBe('2015-10-07T11:35:59.138Z');
  });
  it('setMonth 0 is December of the previous year and 13 January of the next', () => {
    expect(iso('setMonth', '2015-08-07T11:36:39.138Z', 0)).toBe('2014-12-07T11:36:39.138Z');
    expect(iso('setMonth', '2015-08-07T11:36:39.138Z', 13)).toBe('2016-01-07T11:36:39.138Z');
  });
  it('setMonth accepts short and capitalised names', () => {
    expect(iso('setMonth', '2015-08-07T11:36:39.138Z', 'Feb')).toBe('2015-02-07T11:36:39.138Z');
    expect(iso('setMonth', '2015-08-07T11:36:39.138Z', 'DECEMBER')).toBe('2015-12-07T11:36:39.138Z');
  });
  it('setMonth accepts numeric text', () => {
    expect(iso('setMonth', '2015-08-07T11:36:39.138Z', '5')).toBe('2015-05-07T11:36:39.138Z');
  });
  it('setDay 0 is the Saturday before the week and 8 the Sunday after (Wednesday 27 June 2018)', () => {
    expect(iso('setDay', '2018-06-27T11:36:39.138Z', 0)).toBe('2018-06-23T11:36:39.138Z');
    expect(iso('setDay', '2018-06-27T11:36:39.138Z', 8)).toBe('2018-07-01T11:36:39.138Z');
  });
  it('setDay accepts day names in any case and abbreviated', () => {
    expect(iso('setDay', '2018-06-27T11:36:39.138Z', 'SUNDAY')).toBe('2018-06-24T11:36:39.138Z');
    expect(iso('setDay', '2018-06-27T11:36:39.138Z', 'fri')).toBe('2018-06-29T11:36:39.138Z');
  });
  it('setDay uses the local week (Sunday 00:30 in Prague is still Saturday in UTC)', () => {
    // 2018-06-23T22:30Z is Sunday 24 June 00:30 CEST; setDay 2 → Monday 25 June 00:30 CEST.
    expect(isoIn('Europe/Prague', 'setDay', '2018-06-23T22:30:00Z', 2)).toBe('2018-06-24T22:30:00.000Z');
  });
  it('setHour sets the local hour, whatever the UTC hour (Prague summer: 10:00 CEST = 08:00Z)', () => {
    expect(isoIn('Europe/Prague', 'setHour', '2015-08-07T11:36:39.138Z', 10)).toBe(
      '2015-08-07T08:36:39.138Z',
    );
  });
  it('setHour on the spring DST day lands on the summer offset after the change', () => {
    expect(isoIn('Europe/Prague', 'setHour', '2024-03-31T00:30:00Z', 10)).toBe('2024-03-31T08:30:00.000Z');
  });
});

describe('amounts', () => {
  it('rounds fractional days half away from zero (1.5 → 2, −1.5 → −2)', () => {
    expect(iso('addDays', '2024-01-10T00:00:00Z', 1.5)).toBe('2024-01-12T00:00:00.000Z');
    expect(iso('addDays', '2024-01-10T00:00:00Z', -1.5)).toBe('2024-01-08T00:00:00.000Z');
  });
  it('keeps fractional hours as minutes (1.5 h = 90 min)', () => {
    expect(iso('addHours', '2024-01-10T00:00:00Z', 1.5)).toBe('2024-01-10T01:30:00.000Z');
  });
  it('turns fractional years into months (1.5 years = 18 months)', () => {
    expect(iso('addYears', '2024-01-10T00:00:00Z', 1.5)).toBe('2025-07-10T00:00:00.000Z');
  });
  it('reads numeric text as a number ("-3")', () => {
    expect(iso('addDays', '2024-01-10T00:00:00Z', '-3')).toBe('2024-01-07T00:00:00.000Z');
  });
  it('accepts a Date and a number of milliseconds as the date', () => {
    expect(iso('addSeconds', new Date('2024-01-10T00:00:00Z'), 1)).toBe('2024-01-10T00:00:01.000Z');
    expect(iso('addSeconds', 0, 1)).toBe('1970-01-01T00:00:01.000Z');
  });
});

describe('zones of formatDate and parseDate', () => {
  it('formats in the organization zone by default', () => {
    expect(callIn('Europe/Prague', 'formatDate', '2018-10-01T07:32:00Z', 'HH:mm')).toBe('09:32');
  });
  it('formats in the zone argument when it is given', () => {
    expect(callIn('Europe/Prague', 'formatDate', '2018-10-01T07:32:00Z', 'HH:mm', 'Asia/Tokyo')).toBe(
      '16:32',
    );
  });
  it('falls back to UTC when the organization zone is unknown', () => {
    expect(callIn('Not/AZone', 'formatDate', '2018-10-01T07:32:00Z', 'HH:mm')).toBe('07:32');
  });
  it('parses in the zone argument over the organization zone', () => {
    expect(isoIn('Europe/Prague', 'parseDate', '2018-10-01 09:32', 'YYYY-MM-DD HH:mm', 'UTC')).toBe(
      '2018-10-01T09:32:00.000Z',
    );
  });
  it('returns a Date given to parseDate unchanged', () => {
    expect(iso('parseDate', new Date('2018-10-01T07:32:00Z'), 'YYYY')).toBe('2018-10-01T07:32:00.000Z');
  });
  it('parses without a format by the https://help.make.com/type-coercion text forms', () => {
    expect(iso('parseDate', '06/20/2016 5:26 PM', '')).toBe('2016-06-20T17:26:00.000Z');
  });
  it('formats with an empty format as ISO 8601', () => {
    expect(call('formatDate', '2018-10-01T07:32:00.123Z', '')).toBe('2018-10-01T07:32:00Z');
  });
});

describe('empty and invalid input', () => {
  it('returns nothing for an empty date (missing, null or empty text)', () => {
    expect(call('formatDate', undefined, 'YYYY')).toBeUndefined();
    expect(call('addDays', null, 1)).toBeUndefined();
    expect(call('parseDate', '', 'YYYY')).toBeUndefined();
    expect(call('setMonth', '', 3)).toBeUndefined();
  });
  it('rejects text that is no date with a DataError naming argument 1', () => {
    expect(dataError('addDays', 'not a date', 1).details?.argument).toBe(1);
    expect(dataError('formatDate', 'not a date', 'YYYY').details?.argument).toBe(1);
  });
  it('rejects an amount that is no number with a DataError naming argument 2', () => {
    expect(dataError('addDays', '2024-01-10', 'two').details?.argument).toBe(2);
    expect(dataError('addHours', '2024-01-10', undefined).details?.argument).toBe(2);
    expect(dataError('setHour', '2024-01-10', {}).details?.argument).toBe(2);
  });
  it('rejects unknown day and month names', () => {
    expect(dataError('setDay', '2024-01-10', 'funday').details?.argument).toBe(2);
    expect(dataError('setMonth', '2024-01-10', 'smarch').details?.argument).toBe(2);
  });
  it('rejects text in which no token of the format is found', () => {
    expect(dataError('parseDate', 'next tuesday', 'YYYY-MM-DD').details?.argument).toBe(1);
  });
});

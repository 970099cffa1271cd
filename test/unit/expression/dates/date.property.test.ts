/**
 * Properties of formatDate/parseDate and addDays (Make's help: https://help.make.com/date-and-time-functions,
 * https://help.make.com/tokens-for-datetime-formatting).
 *
 * Round trip: with a format that carries the offset (`Z`) or an epoch (`x`), the text names one
 * instant, so parseDate(formatDate(d; f; tz); f; tz) = d in every zone. A format without an
 * offset names a wall clock; in a DST zone the repeated autumn hour shows the same wall clock
 * for two instants and parseDate takes the earlier one (moment-timezone's rule), so there the
 * round trip can land exactly one DST step (1 h) before d — and never anywhere else.
 *
 * addDays: in a zone without DST, addDays(addDays(d; n); −n) = d for every d and n. In a DST
 * zone it holds whenever the local time of d is outside the hours where clocks change
 * (Prague and New York change between 01:00 and 03:00 local): addDays keeps the wall clock, and
 * that wall clock exists exactly once on every day. Inside those hours a skipped or repeated
 * time on the target day can shift the result by the DST step, so such d are excluded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClockOf } from '../../../../engine/expression/dates/zone.ts';
import { functions } from '../../../../engine/expression/functions/index.ts';
import { findFunction, functionContext } from '../functions/helpers.ts';

const ZONES = [
  'UTC',
  'Europe/Prague',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/St_Johns',
];
const DST_ZONES = ['Europe/Prague', 'America/New_York'];
const WITH_OFFSET = [
  'YYYY-MM-DDTHH:mm:ss.SSSZ',
  'YYYYMMDD HHmmss.SSS ZZ',
  'dddd, Do MMMM YYYY h:mm:ss.SSS A Z',
  'x',
];
const WITHOUT_OFFSET = ['YYYY-MM-DD HH:mm:ss.SSS', 'DD.MM.YYYY HH:mm:ss.SSS'];

function call(name: string, args: unknown[], timezone = 'UTC'): unknown {
  const ctx = functionContext({
    timezone,
    now: new Date('2024-01-15T10:30:00Z'),
    random: () => 0,
    uuid: () => '',
  });
  return findFunction(functions, name).impl(args, ctx);
}

// From 1970: earlier, some zones had offsets with seconds (St John's was −03:30:52 in 1935),
// which `Z` (±HH:mm) cannot write, so no round trip through text could hold there.
const dates = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

const ms = (value: unknown): number => (value as Date).getTime();

describe('formatDate / parseDate round trip', () => {
  it('returns the same instant for formats with an offset or epoch, in every zone', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom(...ZONES), fc.constantFrom(...WITH_OFFSET), (d, zone, format) => {
        const text = call('formatDate', [d, format, zone]);
        expect(ms(call('parseDate', [text, format, zone]))).toBe(d.getTime());
      }),
    );
  });

  it('returns the same instant for formats without an offset in UTC', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom(...WITHOUT_OFFSET), (d, format) => {
        const text = call('formatDate', [d, format, 'UTC']);
        expect(ms(call('parseDate', [text, format, 'UTC']))).toBe(d.getTime());
      }),
    );
  });

  it('without an offset in a DST zone returns d, or the earlier instant of a repeated hour', () => {
    fc.assert(
      fc.property(
        dates,
        fc.constantFrom(...DST_ZONES),
        fc.constantFrom(...WITHOUT_OFFSET),
        (d, zone, format) => {
          const text = call('formatDate', [d, format, zone]);
          const back = ms(call('parseDate', [text, format, zone]));
          if (back !== d.getTime()) {
            expect(back).toBe(d.getTime() - 3_600_000);
            expect(wallClockOf(new Date(back), zone)).toEqual(wallClockOf(d, zone));
          }
        },
      ),
    );
  });
});

describe('addDays', () => {
  it('addDays(addDays(d; n); −n) = d in zones without DST', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: -1000, max: 1000 }),
        fc.constantFrom('UTC', 'Asia/Kolkata'),
        (d, n, zone) => {
          const there = call('addDays', [d, n], zone);
          expect(ms(call('addDays', [there, -n], zone))).toBe(d.getTime());
        },
      ),
    );
  });

  it('addDays(addDays(d; n); −n) = d in DST zones when d is outside the changing hours', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: -1000, max: 1000 }),
        fc.constantFrom(...DST_ZONES),
        (d, n, zone) => {
          fc.pre(wallClockOf(d, zone).hour >= 4);
          const there = call('addDays', [d, n], zone);
          expect(ms(call('addDays', [there, -n], zone))).toBe(d.getTime());
        },
      ),
    );
  });

  it('addDays keeps the local time of day in DST zones outside the changing hours', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: -1000, max: 1000 }),
        fc.constantFrom(...DST_ZONES),
        (d, n, zone) => {
          fc.pre(wallClockOf(d, zone).hour >= 4);
          const before = wallClockOf(d, zone);
          const after = wallClockOf(call('addDays', [d, n], zone) as Date, zone);
          expect([after.hour, after.minute, after.second, after.millisecond]).toEqual([
            before.hour,
            before.minute,
            before.second,
            before.millisecond,
          ]);
        },
      ),
    );
  });
});

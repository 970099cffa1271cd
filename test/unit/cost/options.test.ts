/** Parsing the `makesim cost` model and schedule options; bad values are CostOptionErrors naming the option. */
import { describe, expect, it } from 'vitest';
import { CostOptionError, parseBasis, parseModelInputs, parseScheduling } from '../../../cost/options.ts';

const ctx = { now: new Date('2026-11-20T10:00:00Z'), timezone: 'UTC' };

describe('cost options', () => {
  it('reads --items and --pass pairs, including If-else branches', () => {
    const inputs = parseModelInputs({ items: ['2=5'], pass: ['4=0.3', '7.2=0.5'], usage: ['code=2..6'] });
    expect(inputs.items?.get('2')).toBe(5);
    expect(inputs.pass?.get('7.2')).toBe(0.5);
    expect(inputs.usage).toEqual({ code: { min: 2, max: 6 } });
  });

  it('rejects a pass rate outside 0..1 and a malformed pair', () => {
    expect(() => parseModelInputs({ items: [], pass: ['4=1.2'], usage: [] })).toThrow(CostOptionError);
    expect(() => parseModelInputs({ items: ['two=5'], pass: [], usage: [] })).toThrow(CostOptionError);
    expect(() => parseModelInputs({ items: [], pass: [], usage: ['code=6..2'] })).toThrow(CostOptionError);
  });

  it('turns --every into an interval schedule in the next month by default', () => {
    expect(parseBasis({ every: '15m' }, ctx)).toEqual({
      kind: 'schedule',
      scheduling: { type: 'indefinitely', interval: 900 },
      month: { year: 2026, month: 12, timezone: 'UTC' },
    });
  });

  it('falls back to the configured or default schedule only when none is given', () => {
    const fallback = { type: 'daily' as const, time: '08:00' };
    expect(parseBasis({}, { ...ctx, fallback })).toMatchObject({ kind: 'schedule', scheduling: fallback });
    expect(parseBasis({}, ctx)).toBeUndefined();
    expect(parseBasis({ runsPerMonth: '40' }, { ...ctx, fallback })).toEqual({
      kind: 'runs-per-month',
      runs: 40,
    });
  });

  it('reads --events per day (over the month) or per month', () => {
    expect(parseBasis({ events: '500/day', month: '2027-01' }, ctx)).toEqual({
      kind: 'webhooks-per-day',
      perDay: 500,
      month: { year: 2027, month: 1, timezone: 'UTC' },
    });
    expect(parseBasis({ events: '12000 / month' }, ctx)).toMatchObject({
      kind: 'runs-per-month',
      runs: 12_000,
    });
  });

  it('rejects a malformed --events, and --events with another volume', () => {
    for (const bad of ['500', '500/week', '-3/day', 'many/day'])
      expect(() => parseBasis({ events: bad }, ctx)).toThrow(
        /--events needs <number>\/day or <number>\/month/,
      );
    expect(() => parseBasis({ events: '5/day', every: '15m' }, ctx)).toThrow(/only one of --events/);
  });

  it('rejects two bases at once and a malformed month', () => {
    expect(() => parseBasis({ every: '15m', webhooksPerDay: '3' }, ctx)).toThrow(CostOptionError);
    expect(() => parseBasis({ every: '15m', month: '2026-13' }, ctx)).toThrow(CostOptionError);
  });

  it("validates Make's scheduling JSON and names the wrong key", () => {
    expect(parseScheduling('{"type":"weekly","days":[1,3],"time":"09:30"}')).toEqual({
      type: 'weekly',
      days: [1, 3],
      time: '09:30',
    });
    expect(() => parseScheduling('{"type":"indefinitely"}')).toThrow(CostOptionError);
    expect(() => parseScheduling('{"type":"hourly"}')).toThrow(CostOptionError);
    expect(() => parseScheduling('{"type":"indefinitely","intreval":900}')).toThrow(/intreval/);
    expect(() => parseScheduling('not json')).toThrow(CostOptionError);
  });
});

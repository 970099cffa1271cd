/**
 * When a scheduled run may happen — https://help.make.com/schedule-a-scenario (advanced scheduling: start/end
 * date, restrictions by time of day, weekdays, months); SDK `scenarios.ts` (`between`, `restrict`).
 * Open choices (docs/fidelity.md): a run must fit at least ONE `restrict` window; inside a window
 * every given part (weekdays, months, time) must match; the window's end time is exclusive;
 * `restrict.days` are weekdays with Sunday = 0, as for the weekly type.
 */
import type { DateTime } from 'luxon';
import { luxon } from '../engine/expression/dates/luxon.ts';

/** One advanced-scheduling window: runs are allowed only inside it (all given parts must match). */
export interface Restriction {
  /** Weekdays, 0 = Sunday (as `days` of the weekly type). */
  days?: number[];
  /** Months 1–12. */
  months?: number[];
  /** `[from, to]` as `HH:mm`, `to` exclusive. */
  time?: [string, string];
}

/** Start and end of the period the schedule is active in (ISO), as an array or an object. */
export type Between = [string | null, string | null] | { start?: string; end?: string };

export function allowedAt(window: { between?: Between; restrict?: Restriction[] }, time: DateTime): boolean {
  return inBetween(window.between, time) && inRestrictions(window.restrict, time);
}

export function parseTime(text: string): [number, number] {
  const match = /^(\d{1,2}):(\d{2})/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

function inBetween(between: Between | undefined, time: DateTime): boolean {
  if (!between) return true;
  const [from, to] = Array.isArray(between) ? between : [between.start ?? null, between.end ?? null];
  if (from && time < luxon().DateTime.fromISO(from, { zone: time.zone })) return false;
  if (to && time >= luxon().DateTime.fromISO(to, { zone: time.zone })) return false;
  return true;
}

/** No restrictions = always allowed; otherwise the run must fit at least one window. */
function inRestrictions(restrict: Restriction[] | undefined, time: DateTime): boolean {
  if (!restrict || restrict.length === 0) return true;
  return restrict.some((r) => fits(r, time));
}

function fits(r: Restriction, time: DateTime): boolean {
  if (r.days && r.days.length > 0 && !r.days.includes(time.weekday % 7)) return false;
  if (r.months && r.months.length > 0 && !r.months.includes(time.month)) return false;
  if (r.time) {
    const minute = time.hour * 60 + time.minute;
    const [fh, fm] = parseTime(r.time[0]);
    const [th, tm] = parseTime(r.time[1]);
    if (minute < fh * 60 + fm || minute >= th * 60 + tm) return false;
  }
  return true;
}

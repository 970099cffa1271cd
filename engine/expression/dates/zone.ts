/**
 * Time zones for IML dates (Help Center https://help.make.com/manage-time-zones):
 * a function's own IANA zone argument wins, else the organization zone; unknown names are
 * ignored in favour of that default ([FUSION]). Offsets come from luxon's IANA data; this file
 * only decides which of them a local wall-clock time means.
 */
import { IANAZone } from 'luxon';

/** A local calendar reading: month 1–12, as on a wall clock in some zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const DEFAULT_ZONE = 'UTC';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Zone names already checked. luxon's `isValidZone` builds an Intl formatter on every call,
 * which made `formatDate` 100× slower than the rest of the language; a scenario uses few zones.
 */
const knownZones = new Map<string, boolean>();

export function isZone(name: string): boolean {
  let valid = knownZones.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    knownZones.set(name, valid);
  }
  return valid;
}

/** `name` when it is a known IANA zone, else `fallback` (itself checked, else UTC). */
export function resolveZone(name: unknown, fallback: string): string {
  if (typeof name === 'string' && name.trim() !== '' && isZone(name.trim())) return name.trim();
  return isZone(fallback) ? fallback : DEFAULT_ZONE;
}

/**
 * Offsets looked up, by zone and 15-minute UTC bucket. luxon asks Intl for every offset, which
 * cost most of `formatDate`'s time. Since 1970 every offset change falls on a quarter hour, so one
 * bucket has one offset; earlier instants (local mean times) are not cached.
 */
const BUCKET_MS = 15 * MINUTE_MS;
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 50_000;

/** Offset from UTC in minutes that `zone` had at the instant `ms`. */
export function offsetAt(ms: number, zone: string): number {
  if (ms < 0) return IANAZone.create(zone).offset(ms);
  let buckets = offsetCache.get(zone);
  if (buckets === undefined) {
    buckets = new Map();
    offsetCache.set(zone, buckets);
  }
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = buckets.get(bucket);
  if (offset === undefined) {
    if (buckets.size >= OFFSET_CACHE_LIMIT) buckets.clear();
    offset = IANAZone.create(zone).offset(ms);
    buckets.set(bucket, offset);
  }
  return offset;
}

/** The wall clock an instant shows in `zone`. */
export function wallClockOf(date: Date, zone: string): WallClock {
  return wallFromUtcMs(date.getTime() + offsetAt(date.getTime(), zone) * MINUTE_MS);
}

/** Reads a "wall clock as if it were UTC" millisecond count back into fields. */
function wallFromUtcMs(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The wall clock as a UTC millisecond count; out-of-range fields roll over like JS Date setters. */
function wallToUtcMs(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** Rolls out-of-range fields into their neighbours (second 61 → next minute, day 32 → next month). */
export function normalizeWall(w: WallClock): WallClock {
  return wallFromUtcMs(wallToUtcMs(w));
}

/**
 * The instant a wall-clock reading means in `zone`. Make's date library (moment-timezone) takes
 * the EARLIER instant of a repeated hour (autumn) and moves a skipped time (spring) forward by the
 * gap, computed with the offset in force before it: 02:30 on a spring-forward day becomes 03:30.
 */
export function instantOf(wall: WallClock, zone: string): Date {
  const local = wallToUtcMs(wall);
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const candidates = [local - before * MINUTE_MS, local - after * MINUTE_MS].filter(
    (ms) => local - offsetAt(ms, zone) * MINUTE_MS === ms,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(local - before * MINUTE_MS);
}

/** The instant for a wall clock given with an explicit UTC offset (minutes). */
export function instantAtOffset(wall: WallClock, offsetMinutes: number): Date {
  return new Date(wallToUtcMs(wall) - offsetMinutes * MINUTE_MS);
}

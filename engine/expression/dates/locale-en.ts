/**
 * English names and ordinals used by date tokens (Make's help:
 * https://help.make.com/tokens-for-datetime-formatting: "English month/day
 * names (no locale argument exists)"). Values follow Make's date library's default `en` locale.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Sunday first: index = day of week with Sunday = 0. */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export const shortName = (name: string): string => name.slice(0, 3);
export const minName = (name: string): string => name.slice(0, 2);

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd. */
export function ordinal(n: number): string {
  const tens = Math.floor((Math.abs(n) % 100) / 10);
  const last = Math.abs(n) % 10;
  if (tens === 1) return `${n}th`;
  if (last === 1) return `${n}st`;
  if (last === 2) return `${n}nd`;
  if (last === 3) return `${n}rd`;
  return `${n}th`;
}

/**
 * Index (0-based) of the name `text` starts with, matching full names first, then 3-letter and
 * 2-letter abbreviations, case-insensitively. Returns the index and the matched length.
 */
export function matchName(
  names: readonly string[],
  text: string,
): { index: number; length: number } | undefined {
  const lower = text.toLowerCase();
  for (const cut of [(n: string) => n, shortName, minName]) {
    for (let i = 0; i < names.length; i++) {
      const candidate = cut(names[i] ?? '').toLowerCase();
      if (lower.startsWith(candidate)) return { index: i, length: candidate.length };
    }
  }
  return undefined;
}

/** Moment's `en` long-date formats, expanded before tokenizing (`L`, `LL`, `LT`, …). */
export const LONG_FORMATS: Readonly<Record<string, string>> = {
  LTS: 'h:mm:ss A',
  LT: 'h:mm A',
  L: 'MM/DD/YYYY',
  LL: 'MMMM D, YYYY',
  LLL: 'MMMM D, YYYY h:mm A',
  LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY',
  ll: 'MMM D, YYYY',
  lll: 'MMM D, YYYY h:mm A',
  llll: 'ddd, MMM D, YYYY h:mm A',
};

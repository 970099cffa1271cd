/**
 * `parseDate` tokens (Help Center https://help.make.com/tokens-for-datetime-parsing):
 * what text each Moment.js token accepts — Moment's non-strict regexes (`MM` takes 1 or 2
 * digits, `YYYY` 1–4 and reads 2 digits as a two-digit year, `gggg`/`GGGG` do not) — and which
 * field it fills. Out-of-range values are caught when the date is resolved (parse-resolve.ts).
 */
import { MONTHS, minName, shortName, WEEKDAYS } from './locale-en.ts';

/** Fields collected while reading the text; month is 1–12. */
export interface ParsedFields {
  year?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  weekYear?: number;
  localWeekYear?: number;
  localWeek?: number;
  isoWeek?: number;
  isoWeekday?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  pm?: boolean;
  offset?: number;
  epochMs?: number;
}

interface TokenReader {
  /** Sticky; Moment's forgiving parser searches for it anywhere after the position (parse-date.ts). */
  pattern: RegExp;
  apply(text: string, fields: ParsedFields): void;
}

/** Moment's two-digit year rule: 69–99 → 1900s, 00–68 → 2000s. */
export const twoDigitYear = (text: string): number => Number(text) + (Number(text) > 68 ? 1900 : 2000);

const ORDINAL = /\d{1,2}(?:st|nd|rd|th)?/iy;
const int = (text: string): number => Number.parseInt(text, 10);

const reader = (pattern: RegExp, apply: TokenReader['apply']): TokenReader => ({ pattern, apply });
const digits = (min: number, max: number) => new RegExp(`\\d{${min},${max}}`, 'y');
type NumericField = Exclude<keyof ParsedFields, 'pm'>;
/** A token that stores one number (by default the digits it matched) into one field. */
const field = (pattern: RegExp, name: NumericField, convert: (text: string) => number = int) =>
  reader(pattern, (text, f) => {
    f[name] = convert(text);
  });
const fullYear = (t: string): number => (t.length === 2 ? twoDigitYear(t) : int(t));
const pmFlag = reader(/[ap]\.?m?\.?/iy, (t, f) => {
  f.pm = t.toLowerCase().startsWith('p');
});

/**
 * Moment's `en` names: the token takes the next WORD (Moment's `matchWord`: optional digits, then
 * letters), which must start with a name — months full or short, weekdays full, short or
 * two-letter, any case (`^December|^Dec`). A word that is no name makes the text invalid, as
 * Moment's `invalidMonth` / `invalidWeekday`.
 */
const WORD = /[0-9]{0,256}['a-z\u00A0-\u05FF\u0700-\uD7FF\uF900-\uFDCF\uFDF0-\uFF07\uFF10-\uFFEF]{1,256}/iy;

const nameReader = (
  names: readonly string[],
  cuts: ReadonlyArray<(name: string) => string>,
  set: (index: number, f: ParsedFields) => void,
): TokenReader => ({
  pattern: WORD,
  apply: (text, f) => {
    const lower = text.toLowerCase();
    const index = names.findIndex((name) => cuts.some((cut) => lower.startsWith(cut(name).toLowerCase())));
    if (index < 0)
      throw new RangeError(`"${text}" is not an English ${names === MONTHS ? 'month' : 'day'} name`);
    set(index, f);
  },
});

const monthName = nameReader(MONTHS, [(n) => n, shortName], (i, f) => {
  f.month = i + 1;
});
const dayName = nameReader(WEEKDAYS, [(n) => n, shortName, minName], (i, f) => {
  f.weekday = i;
});

function setFraction(text: string, f: ParsedFields): void {
  f.millisecond = Number(text.padEnd(3, '0').slice(0, 3));
}

function setOffset(text: string, f: ParsedFields): void {
  if (text.toUpperCase() === 'Z') {
    f.offset = 0;
    return;
  }
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.slice(1).replace(':', '');
  f.offset = sign * (int(body.slice(0, 2)) * 60 + int(body.slice(2, 4) || '0'));
}

/** `hmm`/`Hmm`/`hmmss`/`Hmmss`: hour digits are whatever precedes the last 2 (or 4). */
function setCompactTime(text: string, f: ParsedFields, withSeconds: boolean): void {
  const tail = withSeconds ? 4 : 2;
  const split = text.length - tail;
  f.hour = int(text.slice(0, split));
  f.minute = int(text.slice(split, split + 2));
  if (withSeconds) f.second = int(text.slice(-2));
}

export const READERS: Readonly<Record<string, TokenReader>> = {
  Y: field(/[+-]?\d+/y, 'year'),
  YY: field(digits(1, 2), 'year', twoDigitYear),
  YYYY: field(digits(1, 4), 'year', fullYear),
  YYYYY: field(digits(1, 6), 'year'),
  YYYYYY: field(digits(1, 6), 'year'),
  Q: reader(/\d/y, (t, f) => {
    f.month = (int(t) - 1) * 3 + 1;
  }),
  M: field(digits(1, 2), 'month'),
  MM: field(digits(1, 2), 'month'),
  Mo: field(ORDINAL, 'month'),
  MMM: monthName,
  MMMM: monthName,
  D: field(digits(1, 2), 'day'),
  DD: field(digits(1, 2), 'day'),
  Do: field(ORDINAL, 'day'),
  DDD: field(digits(1, 3), 'dayOfYear'),
  DDDD: field(digits(1, 3), 'dayOfYear'),
  DDDo: field(/\d{1,3}(?:st|nd|rd|th)?/iy, 'dayOfYear'),
  d: field(digits(1, 2), 'weekday'),
  e: field(digits(1, 2), 'weekday'),
  dd: dayName,
  ddd: dayName,
  dddd: dayName,
  E: field(digits(1, 2), 'isoWeekday'),
  W: field(digits(1, 2), 'isoWeek'),
  WW: field(digits(1, 2), 'isoWeek'),
  w: field(digits(1, 2), 'localWeek'),
  ww: field(digits(1, 2), 'localWeek'),
  wo: field(ORDINAL, 'localWeek'),
  Wo: field(ORDINAL, 'isoWeek'),
  gg: field(digits(1, 2), 'localWeekYear', twoDigitYear),
  gggg: field(digits(1, 4), 'localWeekYear'),
  ggggg: field(digits(1, 6), 'localWeekYear'),
  GG: field(digits(1, 2), 'weekYear', twoDigitYear),
  GGGG: field(digits(1, 4), 'weekYear'),
  GGGGG: field(digits(1, 6), 'weekYear'),
  H: field(digits(1, 2), 'hour'),
  HH: field(digits(1, 2), 'hour'),
  h: field(digits(1, 2), 'hour'),
  hh: field(digits(1, 2), 'hour'),
  k: field(digits(1, 2), 'hour'),
  kk: field(digits(1, 2), 'hour'),
  Hmm: reader(digits(3, 4), (t, f) => setCompactTime(t, f, false)),
  hmm: reader(digits(3, 4), (t, f) => setCompactTime(t, f, false)),
  Hmmss: reader(digits(5, 6), (t, f) => setCompactTime(t, f, true)),
  hmmss: reader(digits(5, 6), (t, f) => setCompactTime(t, f, true)),
  a: pmFlag,
  A: pmFlag,
  m: field(digits(1, 2), 'minute'),
  mm: field(digits(1, 2), 'minute'),
  s: field(digits(1, 2), 'second'),
  ss: field(digits(1, 2), 'second'),
  X: field(/[+-]?\d+(?:\.\d{1,3})?/y, 'epochMs', (t) => Math.round(Number.parseFloat(t) * 1000)),
  x: field(/[+-]?\d+/y, 'epochMs'),
  Z: reader(/Z|[+-]\d\d(?::?\d\d)?/iy, setOffset),
  ZZ: reader(/Z|[+-]\d\d(?::?\d\d)?/iy, setOffset),
};

/** `S` (1 digit) … `SSS` take up to 3 digits; `SSSS`+ any number; all read as a fraction. */
export function fractionReader(token: string): TokenReader {
  return reader(token.length <= 3 ? digits(1, 3) : /\d+/y, setFraction);
}

export type { TokenReader };

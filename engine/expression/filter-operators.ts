/**
 * The 58 filter operators: ids from Make's schema library https://github.com/integromat/make-forman-schema,
 * semantics from https://help.make.com/filtering.
 * ONE table: id → arity and test. Operands arrive evaluated (templates keep their type).
 */
import { MakeError } from '../errors/make-error.ts';
import { isEmpty, toBoolean, toNumber, toText } from './coerce.ts';
import { toDate } from './dates/coerce-date.ts';
import { luxon } from './dates/luxon.ts';
import { boundedTest, type RegexSite } from './functions/regex-budget.ts';
import { compareSemver, parseSemver } from './semver.ts';

export type FilterTest = (a: unknown, b: unknown, timezone: string) => boolean;

export interface FilterOperator {
  readonly unary: boolean;
  readonly test: FilterTest;
}

type Text = (a: string, b: string) => boolean;
type Order = (difference: number) => boolean;

const equal: Order = (d) => d === 0;
const notEqual: Order = (d) => d !== 0;
const greater: Order = (d) => d > 0;
const less: Order = (d) => d < 0;
const greaterOrEqual: Order = (d) => d >= 0;
const lessOrEqual: Order = (d) => d <= 0;
/**
 * Suffixes of the ordered families, in https://github.com/integromat/make-forman-schema order. NaN (unusable
 * operand) fails all but notequal.
 */
const ORDERS: Readonly<Record<string, Order>> = {
  equal,
  notequal: notEqual,
  greater,
  less,
  greaterorequal: greaterOrEqual,
  lessorequal: lessOrEqual,
};

const TEXT: Readonly<Record<string, Text>> = {
  equal: (a, b) => a === b,
  contain: (a, b) => a.includes(b),
  startwith: (a, b) => a.startsWith(b),
  endwith: (a, b) => a.endsWith(b),
};

/**
 * `text:*`: both sides as text (https://help.make.com/type-coercion); `:ci` lower-cases both; `not*` negates.
 */
function textOperator(name: string, ci: boolean, negate: boolean): FilterTest {
  const base = name === 'pattern' ? matches(ci) : (TEXT[name] as Text);
  return (a, b) => {
    const left = ci && name !== 'pattern' ? toText(a).toLowerCase() : toText(a);
    const right = ci && name !== 'pattern' ? toText(b).toLowerCase() : toText(b);
    return base(left, right) !== negate;
  };
}

const regexCache = new Map<string, RegExp>();

/** `text:pattern`: `b` is an ECMAScript regex source without slashes; `:ci` adds the `i` flag. */
function matches(ci: boolean): Text {
  return (text, source) => {
    const key = `${ci ? 'i' : ''}/${source}`;
    let regex = regexCache.get(key);
    if (regex === undefined) {
      try {
        regex = new RegExp(source, ci ? 'i' : '');
      } catch {
        throw new MakeError('DataError', `The filter pattern "${source}" is not a valid regular expression`);
      }
      if (regexCache.size > 500) regexCache.clear();
      regexCache.set(key, regex);
    }
    return boundedTest(regex, text, FILTER_SITE);
  };
}

/** Names the operator in a timeout or pattern error (our wording: Make's help gives none). */
const FILTER_SITE: RegexSite = { prefix: "The filter condition 'Matches pattern' finished with error!" };

/**
 * `number:*` operands (docs/fidelity.md, open question 13): text is parsed
 * (https://help.make.com/type-coercion); an empty
 * operand (missing, null, "") counts as 0, as a user observed in Make (a third-party report, not Make's docs;
 * docs/fidelity.md); anything else that is not a
 * number is unusable (NaN), so every comparison with it fails except notequal.
 */
export function filterNumber(value: unknown): number {
  if (value === undefined || value === null || value === '') return 0;
  return toNumber(value) ?? Number.NaN;
}

function asInstant(value: unknown, timezone: string): number {
  return toDate(value, timezone)?.getTime() ?? Number.NaN;
}

/**
 * `time:*` (docs/fidelity.md, open question 20): `H:mm[:ss]` text, or a date's wall-clock time in the zone.
 */
export function secondsOfDay(value: unknown, timezone: string): number {
  if (value instanceof Date) {
    const t = luxon().DateTime.fromJSDate(value, { zone: timezone });
    return t.isValid ? t.hour * 3600 + t.minute * 60 + t.second : Number.NaN;
  }
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(toText(value).trim());
  if (match === null) return Number.NaN;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  return h < 24 && m < 60 && s < 60 ? h * 3600 + m * 60 + s : Number.NaN;
}

function semverDifference(a: unknown, b: unknown): number {
  const left = parseSemver(toText(a));
  const right = parseSemver(toText(b));
  return left === undefined || right === undefined ? Number.NaN : compareSemver(left, right);
}

/**
 * `array:*` treat a non-array `a` as a one-element array (https://help.make.com/type-coercion), nothing as an
 * empty one.
 */
function asArray(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function arrayContains(ci: boolean, negate: boolean): FilterTest {
  return (a, b) => {
    const wanted = ci ? toText(b).toLowerCase() : toText(b);
    const found = asArray(a).some((item) => (ci ? toText(item).toLowerCase() : toText(item)) === wanted);
    return found !== negate;
  };
}

function buildTable(): ReadonlyMap<string, FilterOperator> {
  const table = new Map<string, FilterOperator>();
  const binary = (id: string, test: FilterTest) => table.set(id, { unary: false, test });
  table.set('exist', { unary: true, test: (a) => !isEmpty(a) });
  table.set('notexist', { unary: true, test: (a) => isEmpty(a) });
  for (const name of ['equal', 'contain', 'startwith', 'endwith', 'pattern']) {
    for (const negate of [false, true]) {
      const id = `text:${negate ? 'not' : ''}${name}`;
      binary(id, textOperator(name, false, negate));
      binary(`${id}:ci`, textOperator(name, true, negate));
    }
  }
  for (const [suffix, order] of Object.entries(ORDERS)) {
    binary(`number:${suffix}`, (a, b) => order(filterNumber(a) - filterNumber(b)));
    binary(`date:${suffix}`, (a, b, tz) => order(asInstant(a, tz) - asInstant(b, tz)));
    binary(`time:${suffix}`, (a, b, tz) => order(secondsOfDay(a, tz) - secondsOfDay(b, tz)));
    binary(`semver:${suffix}`, (a, b) => order(semverDifference(a, b)));
    // https://help.make.com/filtering: array:equal … compare the LENGTH of array `a` with the number `b`.
    binary(`array:${suffix}`, (a, b) => order(asArray(a).length - filterNumber(b)));
  }
  binary('array:contain', arrayContains(false, false));
  binary('array:contain:ci', arrayContains(true, false));
  binary('array:notcontain', arrayContains(false, true));
  binary('array:notcontain:ci', arrayContains(true, true));
  binary('boolean:equal', (a, b) => toBoolean(a) === toBoolean(b));
  binary('boolean:notequal', (a, b) => toBoolean(a) !== toBoolean(b));
  return table;
}

export const FILTER_OPERATORS: ReadonlyMap<string, FilterOperator> = buildTable();

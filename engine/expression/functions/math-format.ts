/**
 * Localized numbers: parseNumber and formatNumber (Help Center
 * https://help.make.com/math-functions;
 * https://developers.make.com/custom-apps-documentation/block-elements/iml
 * — formatNumber's defaults are European: `,` decimal separator, `.` thousands separator).
 */
import { toText } from '../coerce.ts';
import { argumentError, describe, integerArg, isBlank, numberArg } from './general-args.ts';
import type { FunctionSpec } from './types.ts';

const FORMAT_DEFAULT_DECIMAL = ',';
const FORMAT_DEFAULT_THOUSANDS = '.';
/** parseNumber's separator when omitted (the page always passes one; `.` is the neutral choice). */
const PARSE_DEFAULT_DECIMAL = '.';
/** toFixed's own limit; more decimals than this are capped. */
const MAX_DECIMALS = 100;

/**
 * `parseNumber(text; decimalSeparator)`: every character that is neither a digit, the decimal
 * separator nor a leading minus is dropped (thousands grouping, spaces, currency signs), so
 * `parseNumber("1 756,456"; ",")` = 1756.456 (https://help.make.com/math-functions).
 */
function parseNumberImpl([value, separator]: unknown[]): unknown {
  if (isBlank(value)) return undefined;
  if (typeof value === 'number') return value;
  const decimal = isBlank(separator) ? PARSE_DEFAULT_DECIMAL : toText(separator).charAt(0);
  let normalised = '';
  for (const char of toText(value)) {
    if (char >= '0' && char <= '9') normalised += char;
    else if (char === decimal) normalised += '.';
    else if (char === '-' && !/\d/.test(normalised)) normalised = '-';
  }
  const n = /\d/.test(normalised) ? Number(normalised) : Number.NaN;
  if (!Number.isFinite(n)) {
    throw argumentError(
      'parseNumber',
      1,
      `is not a number written with "${decimal}" as decimal separator, got ${describe(value)}`,
      'Pass the separator the text uses as argument 2.',
    );
  }
  return n;
}

/** Moves the decimal point by `places` without binary rounding error (3.789 → 378.9, not 378.89999…). */
export function shiftDecimal(n: number, places: number): number {
  const [mantissa, exponent = '0'] = String(n).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Rounds half away from zero at `decimals` places, in decimal (1.005 → 1.01, not 1.00). */
function roundHalfAway(n: number, decimals: number): number {
  return Math.sign(n) * shiftDecimal(Math.round(shiftDecimal(Math.abs(n), decimals)), -decimals);
}

function groupThousands(digits: string, separator: string): string {
  if (separator === '') return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** An omitted separator takes the default; one given as `emptystring` means "none". */
const separatorArg = (value: unknown, fallback: string): string =>
  value === undefined ? fallback : toText(value);

/**
 * `formatNumber(number; decimals; [decimalSeparator]; [thousandsSeparator])`:
 * formatNumber(123456789; 3; ","; ".") = "123.456.789,000" https://help.make.com/math-functions. Rounding
 * mode is not documented (docs/fidelity.md, open question 9): half away from zero, in decimal.
 */
function formatNumberImpl([value, decimals, decimalSep, thousandsSep]: unknown[]): unknown {
  if (isBlank(value)) return undefined;
  const n = numberArg('formatNumber', 1, value);
  const places = Math.min(Math.max(integerArg('formatNumber', 2, decimals, 0), 0), MAX_DECIMALS);
  const fixed = Math.abs(roundHalfAway(n, places)).toFixed(places);
  const [integer = '0', fraction = ''] = fixed.split('.');
  const sign = n < 0 && /[1-9]/.test(fixed) ? '-' : '';
  const grouped = groupThousands(integer, separatorArg(thousandsSep, FORMAT_DEFAULT_THOUSANDS));
  return places === 0
    ? sign + grouped
    : `${sign}${grouped}${separatorArg(decimalSep, FORMAT_DEFAULT_DECIMAL)}${fraction}`;
}

export const mathFormatFunctions: FunctionSpec[] = [
  { name: 'parseNumber', minArgs: 1, maxArgs: 2, impl: parseNumberImpl },
  { name: 'formatNumber', minArgs: 2, maxArgs: 4, impl: formatNumberImpl },
];

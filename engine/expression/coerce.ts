/**
 * Make's type coercion (https://github.com/integromat/make-skills, https://help.make.com/type-coercion, Help
 * Center "Type coercion" https://help.make.com/type-coercion). Function implementations, operators, filters
 * and templates all coerce through these few functions so that there is one rule for each case.
 */

/**
 * Separator used when an array is rendered as text. Make does not document it (`", "` vs `","`;
 * docs/fidelity.md, "Arrays rendered as text"); Make's UI shows mapped arrays in text fields as comma + space
 * lists.
 */
export const ARRAY_TEXT_SEPARATOR = ', ';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Plain object (not array, Date, Buffer, typed array, Map…). */
export function isCollection(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isBinary(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/**
 * https://help.make.com/type-coercion "Text expected": how any value is rendered into a text field or a mixed
 * template.
 */
export function toText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return '';
    case 'bigint':
      return value.toString();
    case 'object':
      return objectToText(value);
    default:
      return '';
  }
}

function objectToText(value: object | null): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  // Buffer → text: Make's docs want an explicit encoding; rendering as UTF-8 is our default (fidelity.md).
  if (isBinary(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  if (Array.isArray(value)) return arrayToText(value);
  return JSON.stringify(value) ?? '';
}

/**
 * Primitive arrays are joined; "an array of collections is converted separately"
 * (https://help.make.com/type-coercion).
 */
function arrayToText(items: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ARRAY_TEXT_SEPARATOR;
    out += toText(items[i]);
  }
  return out;
}

/**
 * https://help.make.com/type-coercion "Number expected": numbers unchanged, text parsed as a decimal number,
 * dates as their epoch milliseconds (https://developers.make.com/custom-apps-documentation/block-elements/iml
 * date arithmetic). Empty or unparsable text and anything else →
 * undefined (Make raises a validation error; the caller decides how to report it).
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '' || !DECIMAL.test(text)) return undefined;
    return Number(text);
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/**
 * https://help.make.com/type-coercion "Boolean expected": booleans unchanged; numbers are true even for 0;
 * text is false only when it is `false` or empty; anything else is true when it exists (not null/undefined).
 * Text "0" is therefore true, as the table says.
 */
export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value !== '' && value !== 'false';
  return value !== undefined && value !== null;
}

/**
 * Whether an empty array counts as empty (docs/fidelity.md, open question 11). Make's "empty" notion for
 * mapped fields treats an array with no items as not filled in; `{}` stays non-empty.
 */
export const EMPTY_ARRAY_IS_EMPTY = true;

/** `ifempty` / `exist` emptiness: undefined, null, '' (and [] per EMPTY_ARRAY_IS_EMPTY). */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return EMPTY_ARRAY_IS_EMPTY && Array.isArray(value) && value.length === 0;
}

/**
 * Deep partial matching, as in `toMatchObject`: objects may hold more keys than expected,
 * arrays must have the expected length, scalars must be equal. Each mismatch says where.
 */

export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
  message: string;
}

export function matchPartial(expected: unknown, actual: unknown, path = ''): Mismatch[] {
  const out: Mismatch[] = [];
  compare(expected, actual, path, out);
  return out;
}

function compare(expected: unknown, actual: unknown, path: string, out: Mismatch[]): void {
  if (Array.isArray(expected)) compareArray(expected, actual, path, out);
  else if (isPlainObject(expected)) compareObject(expected, actual, path, out);
  else if (!scalarEqual(expected, actual)) {
    out.push({ path, expected, actual, message: `expected ${show(expected)}, got ${show(actual)}` });
  }
}

function compareArray(expected: unknown[], actual: unknown, path: string, out: Mismatch[]): void {
  if (!Array.isArray(actual)) {
    out.push({ path, expected, actual, message: `expected an array, got ${show(actual)}` });
    return;
  }
  if (actual.length !== expected.length) {
    out.push({
      path,
      expected: expected.length,
      actual: actual.length,
      message: `expected ${expected.length} item(s), got ${actual.length}`,
    });
  }
  const n = Math.min(expected.length, actual.length);
  for (let i = 0; i < n; i++) compare(expected[i], actual[i], `${path}[${i}]`, out);
}

function compareObject(
  expected: Record<string, unknown>,
  actual: unknown,
  path: string,
  out: Mismatch[],
): void {
  if (!isPlainObject(actual)) {
    out.push({ path, expected, actual, message: `expected an object, got ${show(actual)}` });
    return;
  }
  for (const key of Object.keys(expected)) {
    const child = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(actual, key) && expected[key] !== undefined) {
      out.push({ path: child, expected: expected[key], actual: undefined, message: 'missing' });
      continue;
    }
    compare(expected[key], actual[key], child, out);
  }
}

/** Dates compare with their ISO text, so test files can write dates as strings. */
function scalarEqual(expected: unknown, actual: unknown): boolean {
  if (actual instanceof Date) return typeof expected === 'string' ? actual.toISOString() === expected : false;
  if (Number.isNaN(expected) && Number.isNaN(actual)) return true;
  return Object.is(expected, actual) || (expected === 0 && actual === 0);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString();
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

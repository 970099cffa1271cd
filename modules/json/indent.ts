/**
 * The JSON modules' "Indentation" option (`space`: `""` = none, `tab`, `2`, `4`; https://help.make.com/util,
 * https://apps.make.com/json). Unknown values fall back to no indentation.
 */

export function indentOf(space: unknown): string | number {
  const value = space === undefined || space === null ? '' : String(space).trim();
  if (value === 'tab') return '\t';
  if (value === '2' || value === '4') return Number(value);
  return '';
}

export function stringify(value: unknown, space: unknown): string {
  return JSON.stringify(value ?? null, jsonReplacer, indentOf(space)) ?? 'null';
}

/** Buffers serialize as their text (Make maps binary data into JSON as a string). */
function jsonReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') {
    const data = (value as { data?: unknown }).data;
    if (Array.isArray(data)) return Buffer.from(data as number[]).toString('utf8');
  }
  return value;
}

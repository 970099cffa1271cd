/**
 * Converts mapped values to a data structure field's type, as Make's mapping does for typed
 * fields (Workfront Fusion docs, item data types): numeric text → number, "true"/"false" → boolean, dates →
 * ISO text, numbers/booleans → text. Values that cannot be converted are kept, so the structure
 * check reports them. Objects are rebuilt with Object.fromEntries: `__proto__` stays a plain key.
 */
import type { DataStoreField } from '../../engine/ports/data-store.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function hasOwn(data: Record<string, unknown>, name: string): boolean {
  return Object.hasOwn(data, name);
}

/** Structure fields converted and defaults filled; fields outside the structure kept as given. */
export function coerceRecord(
  fields: readonly DataStoreField[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const known = new Set(fields.map((f) => f.name));
  const entries: Array<[string, unknown]> = [];
  for (const field of fields) {
    if (hasOwn(data, field.name)) entries.push([field.name, coerceValue(field, data[field.name])]);
    else if (field.default !== undefined && field.default !== null)
      entries.push([field.name, coerceValue(field, field.default)]);
  }
  for (const [name, value] of Object.entries(data)) if (!known.has(name)) entries.push([name, value]);
  return Object.fromEntries(entries);
}

export function coerceValue(field: DataStoreField, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value === '' && field.type !== 'text') return null;
  switch (field.type) {
    case 'text':
      return typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : value instanceof Date
          ? value.toISOString()
          : value;
    case 'number':
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'date':
      return toIsoDate(value);
    case 'buffer':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
    case 'collection':
      return isRecord(value) && Array.isArray(field.spec) ? coerceRecord(field.spec, value) : value;
    case 'array':
      return Array.isArray(value) ? value.map((item) => coerceItem(field.spec, item)) : value;
    default:
      return value;
  }
}

function coerceItem(spec: DataStoreField['spec'], item: unknown): unknown {
  if (spec === undefined) return item;
  if (Array.isArray(spec)) return isRecord(item) ? coerceRecord(spec, item) : item;
  return coerceValue(spec, item);
}

function toIsoDate(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'string') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : new Date(time).toISOString();
  }
  return value;
}

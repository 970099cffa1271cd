/**
 * Notion property values: a test writes (and reads back in the state) plain values — text, a
 * number, a select's name, a date's start — and the fake answers them as Make's Notion modules
 * do: `properties_value.<name>` in the Notion API's shape for the property's type (rich text
 * arrays for title and rich_text, `{ id, name, color }` for select and status, `{ start, end,
 * time_zone }` for date, …; the modules' exported `metadata.interface`).
 */
import { createHash } from 'node:crypto';

export type PropertyType = string;

const PLAIN_TYPES = new Set(['number', 'checkbox', 'url', 'email', 'phone_number']);

/** The type a plain seeded value has when the seed does not name one. */
export function inferType(value: unknown): PropertyType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'checkbox';
  if (Array.isArray(value)) return 'multi_select';
  if (value && typeof value === 'object' && 'start' in value) return 'date';
  return 'rich_text';
}

function richText(content: string): Record<string, unknown>[] {
  if (content === '') return [];
  const annotations = {
    bold: false,
    italic: false,
    strikethrough: false,
    underline: false,
    code: false,
    color: 'default',
  };
  return [{ type: 'text', text: { content, link: null }, annotations, plain_text: content, href: null }];
}

/** Option ids are Notion's; ours are stable per name so tests can compare them. */
function option(name: unknown): Record<string, unknown> {
  const text = String(name);
  return { id: createHash('sha1').update(text).digest('hex').slice(0, 4), name: text, color: 'default' };
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return value === undefined || value === null ? [] : [value];
}

/** A plain value as the Notion API gives it for a property of `type`. */
export function apiValue(type: PropertyType, value: unknown): unknown {
  if (type === 'title' || type === 'rich_text')
    return richText(value === null || value === undefined ? '' : String(value));
  if (type === 'select' || type === 'status') return value === null || value === '' ? null : option(value);
  if (type === 'multi_select') return listOf(value).map(option);
  if (type === 'relation') return listOf(value).map((id) => ({ id: String(id) }));
  if (type === 'people') return listOf(value).map((id) => ({ object: 'user', id: String(id) }));
  if (type === 'date') return dateValue(value);
  if (type === 'number') return value === null || value === '' ? null : Number(value);
  if (PLAIN_TYPES.has(type)) return value ?? null;
  return value;
}

function dateValue(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object') {
    const { start = null, end = null, time_zone = null } = value as Record<string, unknown>;
    return { start, end, time_zone };
  }
  return { start: String(value), end: null, time_zone: null };
}

/**
 * A mapped field as the plain value the fake stores: Make's date field is `{ start, end,
 * includeTime }`; "Include time: No" keeps the date part only, as Notion stores a date without time.
 */
export function storedValue(type: PropertyType, value: unknown): unknown {
  if (type !== 'date' || !value || typeof value !== 'object') return value;
  const { start, end, includeTime } = value as Record<string, unknown>;
  const trim = (v: unknown) =>
    includeTime === false && typeof v === 'string' ? v.slice(0, 10) : (v ?? null);
  return end ? { start: trim(start), end: trim(end) } : trim(start);
}

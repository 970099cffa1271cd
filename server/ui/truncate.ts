/**
 * The run page opens an execution at once even when its bundles are megabytes: long texts and long
 * lists are cut here, and the page asks for one module's full record when the person expands it
 * (`/_inspector/api/executions/{id}/modules/{moduleId}`).
 */

/** Characters of a text shown before it is cut. */
export const MAX_TEXT = 10_000;
/** Items of a list (bundles, array elements, object keys) shown before it is cut. */
export const MAX_ITEMS = 50;

export interface Cut<T> {
  value: T;
  truncated: boolean;
}

/** A copy of a JSON value with texts over MAX_TEXT and lists over MAX_ITEMS shortened, saying so. */
export function truncateValue<T>(value: T): Cut<T> {
  const state = { truncated: false };
  const out = cut(value, state, 0) as T;
  return { value: out, truncated: state.truncated };
}

function cut(value: unknown, state: { truncated: boolean }, depth: number): unknown {
  if (typeof value === 'string') {
    if (value.length <= MAX_TEXT) return value;
    state.truncated = true;
    return `${value.slice(0, MAX_TEXT)}… [${value.length - MAX_TEXT} more characters]`;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > 40) {
    state.truncated = true;
    return '… [nested deeper]';
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((item) => cut(item, state, depth + 1));
    if (value.length > MAX_ITEMS) {
      state.truncated = true;
      shown.push(`… [${value.length - MAX_ITEMS} more items]`);
    }
    return shown;
  }
  const entries = Object.entries(value);
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries.slice(0, MAX_ITEMS)) out[key] = cut(item, state, depth + 1);
  if (entries.length > MAX_ITEMS) {
    state.truncated = true;
    out['…'] = `${entries.length - MAX_ITEMS} more keys`;
  }
  return out;
}

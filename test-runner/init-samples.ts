/**
 * Starter values for `makesim test --init`: a bundle per module typed from its
 * `metadata.interface` (numbers as numbers, dates as ISO dates, arrays as arrays), with text that
 * survives the modules reading it — a URL where a module fetches it, JSON text where
 * json:ParseJSON parses it, an address where the name says email.
 */

/** One field spec of `metadata.interface` / `io.input_spec`. */
interface FieldSpec {
  name?: unknown;
  type?: unknown;
  spec?: unknown;
  default?: unknown;
}

export const SAMPLE_URL = 'https://example.com/sample';
export const SAMPLE_DATE = '2025-01-01T09:00:00.000Z';

export function sampleBundle(fields: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!Array.isArray(fields)) return out;
  for (const field of fields as FieldSpec[]) {
    if (!field || typeof field.name !== 'string' || field.name === '') continue;
    define(out, field.name, sampleValue(field));
  }
  return out;
}

function sampleValue(field: FieldSpec): unknown {
  const name = typeof field.name === 'string' ? field.name : '';
  switch (field.type) {
    case 'number':
    case 'uinteger':
    case 'integer':
      return typeof field.default === 'number' ? field.default : 1;
    case 'boolean':
      return typeof field.default === 'boolean' ? field.default : false;
    case 'date':
      return SAMPLE_DATE;
    case 'email':
      return 'someone@example.com';
    case 'url':
      return SAMPLE_URL;
    case 'collection':
      return sampleBundle(field.spec);
    case 'array':
      return sampleArray(field.spec);
    default:
      return sampleText(name, field.default);
  }
}

/** Text by what its name says, so a starter's URL or address is one the modules accept. */
function sampleText(name: string, fallback: unknown): string {
  if (typeof fallback === 'string' && fallback !== '') return fallback;
  if (/e-?mail/i.test(name)) return 'someone@example.com';
  if (/url|link|href|uri$|website/i.test(name)) return SAMPLE_URL;
  if (/date|time|_at$|At$/.test(name)) return SAMPLE_DATE;
  return `sample ${name}`.trim();
}

function sampleArray(spec: unknown): unknown[] {
  if (Array.isArray(spec)) return [sampleBundle(spec)];
  if (spec && typeof spec === 'object') {
    const inner = spec as FieldSpec;
    return inner.type === 'collection' ? [sampleBundle(inner.spec)] : [sampleValue(inner)];
  }
  return [];
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Sets `value` at a reference path inside a sample (`choices[].message.content` →
 * choices[0].message.content), creating objects and one-item arrays on the way. Existing
 * non-container values on the way are replaced: the consumer's need wins over the guess.
 */
export function setAtPath(root: Record<string, unknown>, path: readonly PathStep[], value: unknown): void {
  let node: Record<string, unknown> = root;
  path.forEach((step, i) => {
    const last = i === path.length - 1;
    if (step.array) {
      let list = node[step.key];
      if (!Array.isArray(list)) list = [];
      define(node, step.key, list);
      const items = list as unknown[];
      if (last) {
        items[0] = value;
        return;
      }
      if (items[0] === null || typeof items[0] !== 'object') items[0] = {};
      node = items[0] as Record<string, unknown>;
      return;
    }
    if (last) {
      define(node, step.key, value);
      return;
    }
    let next = node[step.key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) next = {};
    define(node, step.key, next);
    node = next as Record<string, unknown>;
  });
}

export interface PathStep {
  key: string;
  /** `key[]`: the value is read from the first item of an array. */
  array: boolean;
}

/** `{{14.choices[].message.content}}` → module 14 and its path; only a lone reference counts. */
export function loneReference(template: unknown): { moduleId: number; path: PathStep[] } | undefined {
  if (typeof template !== 'string') return undefined;
  const match = /^\{\{\s*(\d+)\.([^{}()\s]+?)\s*\}\}$/.exec(template.trim());
  if (!match) return undefined;
  const path: PathStep[] = [];
  for (const raw of (match[2] as string).match(/`[^`]*`(\[\])?|[^.`]+/g) ?? []) {
    const array = raw.endsWith('[]');
    const key = (array ? raw.slice(0, -2) : raw).replace(/^`|`$/g, '');
    if (key === '' || /\[\d+\]$/.test(key)) return undefined;
    path.push({ key, array });
  }
  return path.length > 0 ? { moduleId: Number(match[1]), path } : undefined;
}

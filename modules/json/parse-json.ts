/**
 * JSON > Parse JSON (v1), https://apps.make.com/json: an object becomes one bundle
 * with its fields at top level; an array becomes one bundle per element. `parameters.type`
 * (a data structure id) only shapes Make's UI, so it is accepted and not enforced.
 * Invalid JSON is a DataError carrying the line and column.
 */
import { parseJsonText } from '../../engine/errors/json-syntax.ts';
import { dataError } from '../../engine/errors/make-error.ts';
import { type Bundle, defineModule } from '../../engine/registry/define-module.ts';

/**
 * Array elements and top-level values that are not objects have no field names. Make's docs are
 * silent; we wrap them as `{ value }` (the same name the webhook gateway uses for unparsed text).
 */
export const SCALAR_KEY = 'value';

function toBundle(value: unknown): Bundle {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Bundle;
  return { [SCALAR_KEY]: value };
}

export function parseJsonBundles(source: unknown): Bundle[] {
  if (source !== null && typeof source === 'object' && !Buffer.isBuffer(source)) {
    // Already structured (mapped from a parsed HTTP response): treat as parsed.
    return Array.isArray(source) ? source.map(toBundle) : [toBundle(source)];
  }
  const text =
    source === undefined || source === null
      ? ''
      : Buffer.isBuffer(source)
        ? source.toString('utf8')
        : String(source);
  if (text.trim() === '')
    throw dataError('JSON string is empty: map a JSON text into the "JSON string" field.', {
      code: 'empty-json',
    });
  const result = parseJsonText(text);
  if (!result.ok) {
    const { line, column, offset, message } = result.problem;
    throw dataError(`Source is not valid JSON: ${message}.`, {
      code: 'invalid-json',
      line,
      column,
      position: offset,
    });
  }
  return Array.isArray(result.value) ? result.value.map(toBundle) : [toBundle(result.value)];
}

export default defineModule({
  key: 'json:ParseJSON',
  versions: [1],
  kind: 'action',
  label: 'JSON > Parse JSON',
  description: 'Parses a JSON string into a bundle (object) or one bundle per element (array).',
  fidelity: 'partial',
  fidelityNotes:
    'The data structure (parameters.type) is not enforced. Scalars (top level or array elements) become { value }. ' +
    'An already-parsed collection mapped into the field is passed through.',
  parameters: [
    { name: 'type', type: 'udt', description: 'Data structure id or "" (accepted, not enforced).' },
  ],
  mapper: [{ name: 'json', type: 'text', required: true, description: 'The JSON string to parse.' }],
  output: 'The object’s fields at top level; for an array, one bundle per element.',
  run: (call) => parseJsonBundles(call.input.json),
});

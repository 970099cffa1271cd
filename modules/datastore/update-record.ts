/**
 * `datastore:UpdateRecord` — Update a record (Make's help: https://help.make.com/data-stores).
 * Only mapped fields change; `upsert` ("Insert missing record") creates a missing record;
 * `overwriteArrays` off appends mapped array items to the stored array.
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import {
  DATASTORE_PARAMETER,
  flag,
  KEY_MAPPER,
  readData,
  recordBundle,
  requireKey,
  storeFor,
  validateDatastore,
} from './common.ts';
import { keyMissingError } from './errors.ts';

/** An empty mapped value leaves the stored field as it is, as an unfilled field in Make's form does. */
function isUnmapped(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function mergeRecord(
  stored: Record<string, unknown>,
  update: Record<string, unknown>,
  overwriteArrays: boolean,
): Record<string, unknown> {
  const entries = Object.entries(update)
    .filter(([, value]) => !isUnmapped(value))
    .map(([name, value]): [string, unknown] => {
      const old = Object.hasOwn(stored, name) ? stored[name] : undefined;
      return !overwriteArrays && Array.isArray(old) && Array.isArray(value)
        ? [name, [...old, ...value]]
        : [name, value];
    });
  // Spread and fromEntries define own properties: a field named `__proto__` stays a field.
  return { ...stored, ...Object.fromEntries(entries) };
}

export default defineModule({
  key: 'datastore:UpdateRecord',
  versions: [1],
  kind: 'action',
  label: 'Data store — Update a record',
  description: 'Changes the mapped fields of a record; with upsert, creates it when missing.',
  fidelity: 'partial',
  fidelityNotes:
    'Error type for a missing key without upsert and the output shape are undocumented (Open question 15).',
  acid: true,
  parameters: [DATASTORE_PARAMETER],
  mapper: [
    KEY_MAPPER,
    { name: 'upsert', type: 'boolean', default: false, description: 'Insert missing record' },
    {
      name: 'overwriteArrays',
      type: 'boolean',
      default: false,
      description: 'Replace arrays instead of appending',
    },
    { name: 'data', type: 'collection', description: 'Fields to change' },
  ],
  output: '`{ key, data }` — the record after the update',
  validate: validateDatastore,
  run(call, ctx) {
    const store = storeFor(call, ctx);
    const key = requireKey(call.input.key, store, call.node.id);
    const update = readData(call.input.data, call.node.id);
    const stored = store.get(key);
    if (stored === undefined && !flag(call.input.upsert)) throw keyMissingError(store.info.name, key);
    const merged = mergeRecord(stored?.data ?? {}, update, flag(call.input.overwriteArrays));
    return [recordBundle(store.put(key, merged))];
  },
});

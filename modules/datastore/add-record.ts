/**
 * `datastore:AddRecord` — Add/replace a record (Make's help: https://help.make.com/data-stores).
 * A blank key gets a generated one; an existing key is replaced only with `overwrite`.
 */

import type { DataStoreHandle } from '../../engine/ports/data-store.ts';
import { defineModule } from '../../engine/registry/define-module.ts';
import {
  DATASTORE_PARAMETER,
  flag,
  readData,
  readKey,
  recordBundle,
  storeFor,
  validateDatastore,
} from './common.ts';
import { keyExistsError } from './errors.ts';

/**
 * Make's generated keys are 12 lowercase hex characters (SDK record example `8f7162828bc0`).
 * Taken from the run's uuid source so seeded runs repeat.
 */
function generateKey(store: DataStoreHandle, uuid: () => string): string {
  for (;;) {
    const key = uuid().replace(/-/g, '').slice(0, 12).toLowerCase();
    if (!store.has(key)) return key;
  }
}

export default defineModule({
  key: 'datastore:AddRecord',
  versions: [1],
  kind: 'action',
  label: 'Data store — Add/replace a record',
  description: 'Adds a record to a data store, or replaces it when "overwrite" is on.',
  fidelity: 'partial',
  fidelityNotes:
    'Error type for an existing key without overwrite and the output shape are undocumented (Open question 15).',
  acid: true,
  parameters: [DATASTORE_PARAMETER],
  mapper: [
    { name: 'key', type: 'text', description: 'Record key; blank generates one' },
    {
      name: 'overwrite',
      type: 'boolean',
      default: false,
      description: 'Replace an existing record with this key',
    },
    { name: 'data', type: 'collection', description: "The record's fields" },
  ],
  output: '`{ key, data }` — the stored record',
  validate: validateDatastore,
  run(call, ctx) {
    const store = storeFor(call, ctx);
    const mapped = readKey(call.input.key, store);
    const data = readData(call.input.data, call.node.id);
    const key = mapped === '' ? generateKey(store, () => ctx.evalContext.uuid()) : mapped;
    if (!flag(call.input.overwrite) && store.has(key)) throw keyExistsError(store.info.name, key);
    return [recordBundle(store.put(key, data))];
  },
});

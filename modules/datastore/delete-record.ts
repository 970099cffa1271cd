/** `datastore:DeleteRecord` — Delete a record (Make's help: https://help.make.com/data-stores). */
import { defineModule } from '../../engine/registry/define-module.ts';
import {
  DATASTORE_PARAMETER,
  deletedBundle,
  KEY_MAPPER,
  requireKey,
  storeFor,
  validateDatastore,
} from './common.ts';

export default defineModule({
  key: 'datastore:DeleteRecord',
  versions: [1],
  kind: 'action',
  label: 'Data store — Delete a record',
  description: 'Deletes one record by key. Deleting a missing key is not an error (nothing to delete).',
  fidelity: 'partial',
  fidelityNotes: 'Output shape undocumented (Open question 15); a missing key succeeds.',
  acid: true,
  parameters: [DATASTORE_PARAMETER],
  mapper: [KEY_MAPPER],
  output: '`{ key }`',
  validate: validateDatastore,
  run(call, ctx) {
    const store = storeFor(call, ctx);
    const key = requireKey(call.input.key, store, call.node.id);
    store.delete(key);
    return [deletedBundle(key)];
  },
});

/**
 * `datastore:ExistRecord` — Check the existence of a record (Make's help: https://help.make.com/data-stores;
 * blueprints map `{{N.exist}}`).
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { DATASTORE_PARAMETER, KEY_MAPPER, requireKey, storeFor, validateDatastore } from './common.ts';

export default defineModule({
  key: 'datastore:ExistRecord',
  versions: [1],
  kind: 'action',
  label: 'Data store — Check the existence of a record',
  description: 'Tells whether a record with the key exists.',
  fidelity: 'full',
  acid: true,
  parameters: [DATASTORE_PARAMETER],
  mapper: [KEY_MAPPER],
  output: '`{ exist: true | false }`',
  validate: validateDatastore,
  run(call, ctx) {
    const store = storeFor(call, ctx);
    return [{ exist: store.has(requireKey(call.input.key, store, call.node.id)) }];
  },
});

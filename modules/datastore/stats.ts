/** `datastore:Stats` — Count records (Make's help: https://help.make.com/data-stores). */
import { defineModule } from '../../engine/registry/define-module.ts';
import { DATASTORE_PARAMETER, storeFor, validateDatastore } from './common.ts';

export default defineModule({
  key: 'datastore:Stats',
  versions: [1],
  kind: 'action',
  label: 'Data store — Count records',
  description: 'Counts the records of the store.',
  fidelity: 'full',
  acid: true,
  parameters: [DATASTORE_PARAMETER],
  output: '`{ count }`',
  validate: validateDatastore,
  run(call, ctx) {
    return [{ count: storeFor(call, ctx).count() }];
  },
});

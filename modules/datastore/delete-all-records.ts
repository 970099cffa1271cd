/**
 * `datastore:DeleteAllRecords` — Delete all records: wipes the store (Make's help:
 * https://help.make.com/data-stores).
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { DATASTORE_PARAMETER, storeFor, validateDatastore } from './common.ts';

export default defineModule({
  key: 'datastore:DeleteAllRecords',
  versions: [1],
  kind: 'action',
  label: 'Data store — Delete all records',
  description: 'Deletes every record of the store.',
  fidelity: 'partial',
  fidelityNotes: 'Make documents no output; makesim outputs one empty bundle so the route continues.',
  acid: true,
  parameters: [DATASTORE_PARAMETER],
  output: '`{}`',
  validate: validateDatastore,
  run(call, ctx) {
    storeFor(call, ctx).deleteAll();
    return [{}];
  },
});

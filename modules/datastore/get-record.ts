/**
 * `datastore:GetRecord` — Get a record (Make's help: https://help.make.com/data-stores).
 * Output: the record's fields at the top level, or `{ key, data }` with `returnWrapped`.
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { DATASTORE_PARAMETER, flag, KEY_MAPPER, requireKey, storeFor, validateDatastore } from './common.ts';

/**
 * A missing key is undocumented (docs/fidelity.md, open question 15). makesim outputs one empty bundle so the
 * route goes on with every field empty — real blueprints rely on it, e.g. Get then
 * `if(2.field != null; …)` before Add/replace in the corpus.
 */
const MISSING_RECORD_OUTPUT = (): Record<string, unknown> => ({});

export default defineModule({
  key: 'datastore:GetRecord',
  versions: [1],
  kind: 'action',
  label: 'Data store — Get a record',
  description: 'Reads one record by key.',
  fidelity: 'partial',
  fidelityNotes: 'A missing key gives one empty bundle (undocumented, Open question 15).',
  acid: true,
  parameters: [DATASTORE_PARAMETER],
  mapper: [
    KEY_MAPPER,
    {
      name: 'returnWrapped',
      type: 'boolean',
      default: false,
      description: 'Output `{ key, data }` like Search records',
    },
  ],
  output: "the record's fields; `{ key, data }` when returnWrapped",
  validate: validateDatastore,
  run(call, ctx) {
    const store = storeFor(call, ctx);
    const record = store.get(requireKey(call.input.key, store, call.node.id));
    if (record === undefined) return [MISSING_RECORD_OUTPUT()];
    return [flag(call.input.returnWrapped) ? { key: record.key, data: record.data } : { ...record.data }];
  },
});

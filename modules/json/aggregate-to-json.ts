/**
 * JSON > Aggregate to JSON (v1), https://apps.make.com/json: an aggregator; each bundle that reaches it adds
 * its evaluated mapper as one element, and the group emits `{ json }` — the array serialized with
 * `parameters.space`. Output key from Make's help: https://help.make.com/util (*unverified*).
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { stringify } from './indent.ts';

export default defineModule({
  key: 'json:AggregateToJSON',
  versions: [1],
  kind: 'aggregator',
  label: 'JSON > Aggregate to JSON',
  description: 'Aggregates the bundles of its feeder into one JSON array string.',
  fidelity: 'partial',
  fidelityNotes:
    'The data structure is not applied; the output is the JSON array of the mapped items (Make wraps items per the structure).',
  parameters: [
    { name: 'feeder', type: 'module', required: true, description: 'Source module id.' },
    { name: 'type', type: 'udt', description: 'Data structure id (accepted, not enforced).' },
    { name: 'space', type: 'select', default: '', description: 'Indentation: "" (none), tab, 2 or 4.' },
  ],
  mapper: [{ name: '<fields>', type: 'any', description: 'One key per field of each aggregated item.' }],
  outputFields: ['json'],
  output: '`{ json }`: the items as a JSON array.',
  aggregate: (call) => ({ json: stringify(call.items, call.parameters.space) }),
});

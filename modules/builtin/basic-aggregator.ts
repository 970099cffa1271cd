/** Array aggregator — https://help.make.com/aggregator. Collection is engine/flow/aggregator.ts. */
import { defineModule } from '../../engine/registry/define-module.ts';

export const basicAggregator = defineModule({
  key: 'builtin:BasicAggregator',
  versions: [1],
  kind: 'aggregator',
  label: 'Array aggregator',
  description: 'Collects the bundles of one operation of its source module into an array.',
  fidelity: 'partial',
  fidelityNotes:
    'Each item is the evaluated mapper (the aggregated fields); with `parameters.target` the mapper keys are the target structure fields, taken as mapped — the target field types are not enforced.',
  parameters: [
    { name: 'feeder', type: 'number', required: true, description: 'Id of the source module.' },
    {
      name: 'target',
      type: 'text',
      description: '`<moduleId>.<path>` of a target structure, absent = Custom.',
    },
  ],
  outputFields: (node) => (node.parameters.target ? undefined : ['array', 'key']),
  output: '`{ array: [ {…aggregated fields…} ], __IMTAGGLENGTH__: n }` (+ `key` with group by).',
  // The engine's collected array itself (AggregateCall.items), not a copy of 100,000 entries.
  aggregate: (call) => ({
    array: call.items as Record<string, unknown>[],
    __IMTAGGLENGTH__: call.items.length,
  }),
});

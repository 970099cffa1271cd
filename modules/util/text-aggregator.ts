/** Text aggregator — https://help.make.com/aggregator. Collection is engine/flow/aggregator.ts. */
import { toText } from '../../engine/expression/coerce.ts';
import { defineModule } from '../../engine/registry/define-module.ts';
import { separator } from './separators.ts';

export const textAggregator = defineModule({
  key: 'util:TextAggregator',
  versions: [1],
  kind: 'aggregator',
  label: 'Text aggregator',
  description: 'Joins the `value` of each collected bundle into one text.',
  fidelity: 'full',
  parameters: [
    { name: 'feeder', type: 'number', required: true, description: 'Id of the source module.' },
    {
      name: 'rowSeparator',
      type: 'select',
      default: '',
      description: '`\\n`, `\\t`, empty, or `other` (+ `otherRowSeparator`).',
    },
  ],
  mapper: [{ name: 'value', type: 'text', description: 'Text of one row.' }],
  outputFields: ['text', 'key'],
  output: '`{ text }` (+ `key` with group by)',
  aggregate: (call) => {
    const sep = separator(call.parameters.rowSeparator, call.parameters.otherRowSeparator);
    return { text: call.items.map((item) => (item.value === undefined ? '' : toText(item.value))).join(sep) };
  },
});

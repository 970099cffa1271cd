/** Table aggregator — https://help.make.com/aggregator ; docs/fidelity.md (output key). */
import { toText } from '../../engine/expression/coerce.ts';
import { defineModule } from '../../engine/registry/define-module.ts';
import { separator } from './separators.ts';

/**
 * docs/fidelity.md: the table aggregator's output key is unconfirmed; we use `text` like the text aggregator.
 */
export const TABLE_OUTPUT_KEY = 'text';

export const aggregateAggregator = defineModule({
  key: 'util:AggregateAggregator',
  versions: [1],
  kind: 'aggregator',
  label: 'Table aggregator',
  description:
    'Joins the collected fields into a text table: columns by the column separator, rows by the row separator.',
  fidelity: 'partial',
  fidelityNotes: 'Output key `text` is unconfirmed (docs/fidelity.md).',
  parameters: [
    { name: 'feeder', type: 'number', required: true, description: 'Id of the source module.' },
    {
      name: 'columnSeparator',
      type: 'select',
      default: '\\t',
      description: '`\\t`, `,`, `;`, … or `other` (+ `otherColumnSeparator`).',
    },
    {
      name: 'rowSeparator',
      type: 'select',
      default: '\\n',
      description: '`\\n`, … or `other` (+ `otherRowSeparator`).',
    },
  ],
  outputFields: ['text', 'key'],
  output: '`{ text }` (+ `key` with group by)',
  aggregate: (call) => {
    const col = separator(call.parameters.columnSeparator ?? '\\t', call.parameters.otherColumnSeparator);
    const row = separator(call.parameters.rowSeparator ?? '\\n', call.parameters.otherRowSeparator);
    const rows = call.items.map((item) =>
      Object.values(item)
        .map((v) => (v === undefined ? '' : toText(v)))
        .join(col),
    );
    return { [TABLE_OUTPUT_KEY]: rows.join(row) };
  },
});

/** Numeric aggregator — https://help.make.com/aggregator. */
import { toNumber } from '../../engine/expression/coerce.ts';
import { defineModule } from '../../engine/registry/define-module.ts';

type Fn = (values: number[], count: number) => number;

const FUNCTIONS: Record<string, Fn> = {
  sum: (v) => v.reduce((a, b) => a + b, 0),
  // An empty average is 0 (not NaN): Make returns a number for every aggregation.
  avg: (v) => (v.length === 0 ? 0 : v.reduce((a, b) => a + b, 0) / v.length),
  count: (_v, count) => count,
  max: (v) => (v.length === 0 ? 0 : Math.max(...v)),
  min: (v) => (v.length === 0 ? 0 : Math.min(...v)),
};

export const functionAggregator2 = defineModule({
  key: 'util:FunctionAggregator2',
  versions: [1],
  kind: 'aggregator',
  label: 'Numeric aggregator',
  description: 'Sum, average, count, maximum or minimum of the collected `value`s.',
  fidelity: 'full',
  parameters: [
    { name: 'feeder', type: 'number', required: true, description: 'Id of the source module.' },
    { name: 'fn', type: 'select', required: true, description: '`sum`, `avg`, `count`, `max` or `min`.' },
  ],
  mapper: [{ name: 'value', type: 'number', description: 'Number of one bundle; non-numbers are skipped.' }],
  outputFields: ['result', 'key'],
  output: '`{ result }` (+ `key` with group by)',
  aggregate: (call) => {
    const fn = FUNCTIONS[String(call.parameters.fn)] ?? FUNCTIONS.sum;
    const values: number[] = [];
    for (const item of call.items) {
      const n = item.value === undefined || item.value === '' ? Number.NaN : toNumber(item.value);
      if (typeof n === 'number' && Number.isFinite(n)) values.push(n);
    }
    return { result: (fn as Fn)(values, call.items.length) };
  },
});

/** Repeater — https://help.make.com/flow-control. */
import { repeat } from '../../engine/flow/iterator.ts';
import { defineModule } from '../../engine/registry/define-module.ts';

function num(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  return value === undefined || value === '' || !Number.isFinite(n) ? fallback : n;
}

export const basicRepeater = defineModule({
  key: 'builtin:BasicRepeater',
  versions: [1],
  kind: 'iterator',
  label: 'Repeater',
  description: 'Outputs `repeats` bundles numbered from `start` by `step`.',
  fidelity: 'full',
  mapper: [
    { name: 'start', type: 'number', default: 1, description: 'First value of `i`.' },
    { name: 'repeats', type: 'number', required: true, description: 'Number of bundles (0–10,000).' },
    { name: 'step', type: 'number', default: 1, description: 'Added to `i` for each next bundle.' },
  ],
  outputFields: ['i'],
  output: '`repeats` bundles `{ i }`, i = start, start + step, …',
  run: (call) => repeat(num(call.input.start, 1), num(call.input.repeats, 1), num(call.input.step, 1)),
});

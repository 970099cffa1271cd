/** Iterator — https://help.make.com/iterator. */
import { feed, feedLazily } from '../../engine/flow/iterator.ts';
import { defineModule } from '../../engine/registry/define-module.ts';

export const basicFeeder = defineModule({
  key: 'builtin:BasicFeeder',
  versions: [1],
  kind: 'iterator',
  label: 'Iterator',
  description: 'Splits an array into one bundle per element.',
  fidelity: 'full',
  mapper: [
    {
      name: 'array',
      type: 'array',
      required: true,
      description: 'The array to split; a non-array is treated as a one-element array.',
    },
  ],
  output:
    'One bundle per element: object elements expose their fields, other elements are `value`; each carries `__IMTINDEX__` (1-based) and `__IMTLENGTH__`.',
  run: (call) => feed(call.input.array, call.node),
  // The elements are the input's: the bundles are copies made as the walk reaches each.
  stream: (call) => feedLazily(call.input.array, call.node),
});

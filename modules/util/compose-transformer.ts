/** Compose a string — https://help.make.com/util. */
import { toText } from '../../engine/expression/coerce.ts';
import { defineModule } from '../../engine/registry/define-module.ts';

export const composeTransformer = defineModule({
  key: 'util:ComposeTransformer',
  versions: [1],
  kind: 'action',
  label: 'Compose a string',
  description: 'Turns the mapped value into text.',
  fidelity: 'full',
  mapper: [{ name: 'value', type: 'text', description: 'The text to compose.' }],
  outputFields: ['value'],
  output: '`{ value }` (text)',
  run: (call) => [{ value: call.input.value === undefined ? '' : toText(call.input.value) }],
});

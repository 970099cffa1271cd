/** JSON > Transform to JSON (v1), https://apps.make.com/json: `{ json }` from the mapped `object`. */
import { defineModule } from '../../engine/registry/define-module.ts';
import { stringify } from './indent.ts';

export default defineModule({
  key: 'json:TransformToJSON',
  versions: [1],
  kind: 'action',
  label: 'JSON > Transform to JSON',
  description: 'Serializes any value into a JSON string.',
  fidelity: 'full',
  parameters: [
    { name: 'space', type: 'select', default: '', description: 'Indentation: "" (none), tab, 2 or 4.' },
  ],
  mapper: [
    { name: 'object', type: 'any', required: true, description: 'The value to serialize.' },
    {
      name: 'space',
      type: 'select',
      description: 'Indentation, when set in the mapper instead of parameters.',
    },
  ],
  outputFields: ['json'],
  output: '`{ json }` (text).',
  run: (call) => [{ json: stringify(call.input.object, call.parameters.space ?? call.input.space) }],
});

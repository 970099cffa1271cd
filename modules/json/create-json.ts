/**
 * JSON > Create JSON (v1), https://apps.make.com/json: the mapper holds the data structure's fields; the
 * output is `{ json }`, the fields serialized with the chosen indentation (`parameters.space`).
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { stringify } from './indent.ts';

export default defineModule({
  key: 'json:CreateJSON',
  versions: [1],
  kind: 'action',
  label: 'JSON > Create JSON',
  description: 'Serializes the mapped fields of a data structure into a JSON string.',
  fidelity: 'partial',
  fidelityNotes:
    'The data structure is not applied: every mapped field is serialized as evaluated, in mapper order.',
  parameters: [
    { name: 'type', type: 'udt', required: true, description: 'Data structure id (accepted, not enforced).' },
    { name: 'space', type: 'select', default: '', description: 'Indentation: "" (none), tab, 2 or 4.' },
  ],
  mapper: [{ name: '<fields>', type: 'any', description: 'One key per field of the data structure.' }],
  outputFields: ['json'],
  output: '`{ json }` (text).',
  run: (call) => [{ json: stringify(call.input, call.parameters.space) }],
});

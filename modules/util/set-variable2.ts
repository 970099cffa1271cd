/** Set variable — https://help.make.com/util. */
import { type Bundle, defineModule } from '../../engine/registry/define-module.ts';
import { nameOf, scopeOf } from './scope.ts';
import { setVariableOnFields } from './set-variables-on-fields.ts';

export const setVariable2 = defineModule({
  key: 'util:SetVariable2',
  versions: [1],
  kind: 'action',
  label: 'Set variable',
  description: 'Sets one variable for this cycle (`roundtrip`) or the whole execution (`execution`).',
  fidelity: 'full',
  mapper: [
    { name: 'name', type: 'text', required: true, description: 'Variable name.' },
    {
      name: 'scope',
      type: 'select',
      default: 'roundtrip',
      description: '`roundtrip` = one cycle, `execution` = one execution.',
    },
    { name: 'value', type: 'any', description: 'The value.' },
  ],
  output: '`{ <name>: value }`',
  run: (call, ctx) => {
    ctx.variables.set(nameOf(call.input.name), call.input.value, scopeOf(call.input.scope));
    return [outputOf(call.input)];
  },
  replay: (call) => [outputOf(call.input)],
  runOnFields: setVariableOnFields,
});

/** `{ <name>: value }`: what the module outputs, and what the full record rebuilds from its input. */
function outputOf(input: Record<string, unknown>): Bundle {
  return { [nameOf(input.name)]: input.value };
}

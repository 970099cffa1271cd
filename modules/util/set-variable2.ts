/** Set variable — https://help.make.com/util. */
import { defineModule } from '../../engine/registry/define-module.ts';
import { nameOf, scopeOf } from './scope.ts';

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
    const name = nameOf(call.input.name);
    ctx.variables.set(name, call.input.value, scopeOf(call.input.scope));
    return [{ [name]: call.input.value }];
  },
  replay: (call) => [{ [nameOf(call.input.name)]: call.input.value }],
});

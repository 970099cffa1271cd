/** Get variable — https://help.make.com/util: reads any variable set earlier in time. */
import { defineModule } from '../../engine/registry/define-module.ts';
import { nameOf } from './scope.ts';

export const getVariable2 = defineModule({
  key: 'util:GetVariable2',
  versions: [1],
  kind: 'action',
  label: 'Get variable',
  description: 'Reads a variable set earlier in this cycle or execution (anywhere in the scenario).',
  fidelity: 'full',
  mapper: [{ name: 'name', type: 'text', required: true, description: 'Variable name.' }],
  output: '`{ <name>: value }` (undefined when never set)',
  run: (call, ctx) => {
    const name = nameOf(call.input.name);
    return [{ [name]: ctx.variables.get(name) }];
  },
});

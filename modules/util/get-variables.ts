/** Get multiple variables — https://help.make.com/util ; docs/fidelity.md (output keys). */
import { type Bundle, defineModule } from '../../engine/registry/define-module.ts';
import { nameOf } from './scope.ts';

export const getVariables = defineModule({
  key: 'util:GetVariables',
  versions: [1],
  kind: 'action',
  label: 'Get multiple variables',
  description: 'Reads several variables in one operation.',
  fidelity: 'partial',
  fidelityNotes: 'docs/fidelity.md: the output is assumed keyed by variable name.',
  mapper: [
    {
      name: 'variables',
      type: 'array',
      required: true,
      description: 'Variable names (`["a", "b"]` or `[{ name }]`).',
    },
  ],
  output: '`{ <name>: value, … }`',
  run: (call, ctx) => {
    const out: Bundle = {};
    const list = Array.isArray(call.input.variables) ? call.input.variables : [];
    for (const item of list as unknown[]) {
      const name = nameOf(
        item !== null && typeof item === 'object' ? (item as { name?: unknown }).name : item,
      );
      out[name] = ctx.variables.get(name);
    }
    return [out];
  },
});

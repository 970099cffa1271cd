/** Set multiple variables — https://help.make.com/util (one operation for all). */
import { type Bundle, defineModule } from '../../engine/registry/define-module.ts';
import { nameOf, scopeOf } from './scope.ts';

export const setVariables = defineModule({
  key: 'util:SetVariables',
  versions: [1],
  kind: 'action',
  label: 'Set multiple variables',
  description: 'Sets several variables in one operation.',
  fidelity: 'full',
  mapper: [
    { name: 'variables', type: 'array', required: true, description: '`[{ name, value }]`.' },
    {
      name: 'scope',
      type: 'select',
      default: 'roundtrip',
      description: '`roundtrip` = one cycle, `execution` = one execution.',
    },
  ],
  output: '`{ <name1>: v1, <name2>: v2, … }`',
  run: (call, ctx) => {
    const scope = scopeOf(call.input.scope);
    const out: Bundle = {};
    const list = Array.isArray(call.input.variables) ? call.input.variables : [];
    for (const item of list as Array<{ name?: unknown; value?: unknown } | null>) {
      if (!item) continue;
      const name = nameOf(item.name);
      ctx.variables.set(name, item.value, scope);
      out[name] = item.value;
    }
    return [out];
  },
});

/** Set multiple variables — https://help.make.com/util (one operation for all). */
import { setOwn } from '../../engine/expression/plain-object.ts';
import { type Bundle, defineModule } from '../../engine/registry/define-module.ts';
import { nameOf, scopeOf } from './scope.ts';
import { setVariablesOnFields } from './set-variables-on-fields.ts';

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
    for (const item of variablesOf(call.input)) {
      if (item) ctx.variables.set(nameOf(item.name), item.value, scope);
    }
    return [outputOf(call.input)];
  },
  replay: (call) => [outputOf(call.input)],
  runOnFields: setVariablesOnFields,
});

type Variable = { name?: unknown; value?: unknown } | null;

function variablesOf(input: Record<string, unknown>): readonly Variable[] {
  return Array.isArray(input.variables) ? (input.variables as Variable[]) : [];
}

/** `{ <name>: value, … }`, a later variable of the same name winning. */
function outputOf(input: Record<string, unknown>): Bundle {
  const out: Bundle = {};
  // A variable named `__proto__` is a field like any other (setOwn), as in Set variable.
  for (const item of variablesOf(input)) if (item) setOwn(out, nameOf(item.name), item.value);
  return out;
}

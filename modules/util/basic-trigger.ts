/** Basic trigger — https://help.make.com/util: one bundle per `values` item. */
import { type Bundle, defineModule } from '../../engine/registry/define-module.ts';

export const basicTrigger = defineModule({
  key: 'util:BasicTrigger',
  versions: [1],
  kind: 'trigger',
  label: 'Basic trigger',
  description: 'Starts the scenario with the bundles written in its parameters.',
  fidelity: 'full',
  parameters: [
    { name: 'values', type: 'array', description: '`[{ spec: [{ name, value }] }]`, one bundle each.' },
  ],
  output: 'One bundle per `values` item, `{ <name>: value, … }`',
  run: (call) => {
    const values = Array.isArray(call.parameters.values) ? call.parameters.values : [];
    return values.map((item: { spec?: unknown }) => {
      const bundle: Bundle = {};
      const spec = Array.isArray(item?.spec) ? (item.spec as Array<{ name?: unknown; value?: unknown }>) : [];
      for (const field of spec) if (field && typeof field.name === 'string') bundle[field.name] = field.value;
      return bundle;
    });
  },
});

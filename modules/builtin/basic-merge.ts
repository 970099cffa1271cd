/** Merge — https://help.make.com/if-else-and-merge. Merging is engine/flow/if-else.ts. */
import { defineModule } from '../../engine/registry/define-module.ts';

export const basicMerge = defineModule({
  key: 'builtin:BasicMerge',
  versions: [1],
  kind: 'merge',
  label: 'Merge',
  description: 'Continues the branches of an If-else with one output per `outputs` entry, mapped per branch.',
  fidelity: 'full',
  output: '`{ <output name>: value }` from the mapping of the branch that ran.',
});

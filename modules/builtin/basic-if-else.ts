/** If-else — https://help.make.com/if-else-and-merge. Branching is engine/flow/if-else.ts. */
import { defineModule } from '../../engine/registry/define-module.ts';

export const basicIfElse = defineModule({
  key: 'builtin:BasicIfElse',
  versions: [1],
  kind: 'if-else',
  label: 'If-else',
  description: 'Runs the first branch whose condition passes, else the `else` branch.',
  fidelity: 'full',
  output: 'None of its own; counts an operation but no credits.',
});

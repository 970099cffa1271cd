/**
 * Increment function — https://help.make.com/incremental-variables ; Make's help: https://help.make.com/util.
 * `reset`: `run` = after one cycle, `execution` = after one scenario run, `scenario` = never (the
 * counter persists across runs through ctx.state).
 */

import type { VariableStore } from '../../engine/registry/define-module.ts';
import { defineModule } from '../../engine/registry/define-module.ts';

/** Counters that live for one execution, keyed by that execution's variable store. */
const perExecution = new WeakMap<VariableStore, Map<string, number>>();

export const functionIncrement = defineModule({
  key: 'util:FunctionIncrement',
  versions: [1],
  kind: 'action',
  label: 'Increment function',
  description: 'Returns 1 on its first operation and one more on each next operation.',
  fidelity: 'full',
  parameters: [
    {
      name: 'reset',
      type: 'select',
      default: 'run',
      description: '`run` (after one cycle), `execution` (after one run), `scenario` (never).',
    },
  ],
  outputFields: ['i'],
  output: '`{ i }`',
  run: (call, ctx) => {
    const reset = call.parameters.reset;
    if (reset === 'scenario') {
      const key = `util:FunctionIncrement:${call.node.id}`;
      const i = (Number(ctx.state.get(key)) || 0) + 1;
      ctx.state.set(key, i);
      return [{ i }];
    }
    let counters = perExecution.get(ctx.variables);
    if (!counters) {
      counters = new Map();
      perExecution.set(ctx.variables, counters);
    }
    const key = reset === 'execution' ? `${call.node.id}` : `${call.node.id}:${ctx.cycle}`;
    const i = (counters.get(key) ?? 0) + 1;
    counters.set(key, i);
    return [{ i }];
  },
});

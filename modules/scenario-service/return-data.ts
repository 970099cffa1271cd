/**
 * Scenarios > Return output (`scenario-service:ReturnData` v2), https://help.make.com/use-scenario-outputs:
 * the mapped outputs become the result of the run (the caller's Call a scenario output). It "always
 * finishes the scenario run", like a return statement: later routes, bundles and cycles do not
 * run, so the first one reached is the only one. It costs no credits. Its output bundle is the
 * outputs, which subscenario-runner.ts reads back from the execution record.
 */
import { defineModule } from '../../engine/registry/define-module.ts';

export default defineModule({
  key: 'scenario-service:ReturnData',
  versions: [2],
  kind: 'action',
  label: 'Scenarios > Return output',
  description: 'Returns the scenario outputs to the caller.',
  fidelity: 'full',
  centicredits: 0,
  mapper: [{ name: '<outputs>', type: 'any', description: 'One key per scenario output.' }],
  output: 'The outputs as mapped.',
  run: (call, ctx) => {
    ctx.finishRun();
    return [{ ...call.input }];
  },
});

/**
 * Scenarios > Start scenario (`scenario-service:StartSubscenario` v2),
 * https://apps.make.com/scenario-service: the trigger of a called scenario; it outputs the scenario inputs as
 * one bundle (corpus: `{{1.messages}}`, `{{1.to}}`). The inputs are the trigger input, else `var.input`.
 */
import {
  type Bundle,
  defineModule,
  type ModuleCall,
  type ModuleContext,
} from '../../engine/registry/define-module.ts';

function run(_call: ModuleCall, ctx: ModuleContext): Bundle[] {
  const input = ctx.triggerInput;
  if (input && typeof input === 'object' && !Array.isArray(input)) return [{ ...(input as Bundle) }];
  return [{ ...(ctx.vars.input ?? {}) }];
}

export default defineModule({
  key: 'scenario-service:StartSubscenario',
  versions: [2],
  kind: 'instant-trigger',
  label: 'Scenarios > Start scenario',
  description: 'Starts a called scenario and outputs its inputs.',
  fidelity: 'partial',
  fidelityNotes: 'Input types from the interface are not validated or coerced.',
  centicredits: 0,
  output: 'One bundle: the scenario inputs by name.',
  run,
});

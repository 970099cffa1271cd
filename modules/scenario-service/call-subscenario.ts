/**
 * Scenarios > Call a scenario (`scenario-service:CallSubscenario` v2), https://help.make.com/subscenarios:
 * runs `parameters.scenario` with `mapper.data` as its inputs. With "Wait for subscenario output"
 * (`shouldWaitForExecutionEnd`) the output is what the subscenario's Return output returned;
 * otherwise `{ executionId }` (interface of a real export). Free: no credits
 * (https://apps.make.com/scenario-service).
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { SetupError } from '../../engine/errors/setup-error.ts';
import {
  type Bundle,
  defineModule,
  type ModuleCall,
  type ModuleContext,
} from '../../engine/registry/define-module.ts';

async function run(call: ModuleCall, ctx: ModuleContext): Promise<Bundle[]> {
  const port = ctx.subscenarios;
  const scenario = call.parameters.scenario;
  if (scenario === undefined || scenario === null || scenario === '') {
    throw new MakeError('BundleValidationError', 'No scenario is selected (parameters.scenario).', {
      field: 'scenario',
    });
  }
  if (!port) {
    throw new SetupError(
      'no-subscenarios',
      `Module ${call.node.id} calls scenario "${String(scenario)}", but no subscenarios are available in this run: ` +
        'run it from a project that lists the scenario, or mock this module.',
      { scenario: String(scenario) },
    );
  }
  const data = call.input.data;
  const inputs =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const wait =
    call.parameters.shouldWaitForExecutionEnd !== false &&
    call.parameters.shouldWaitForExecutionEnd !== 'false';
  if (!wait) return [{ executionId: await port.start(scenario as string | number, inputs) }];
  return [await port.call(scenario as string | number, inputs)];
}

export default defineModule({
  key: 'scenario-service:CallSubscenario',
  versions: [2],
  kind: 'action',
  label: 'Scenarios > Call a scenario',
  description: 'Runs another scenario of the project, optionally waiting for its outputs.',
  fidelity: 'partial',
  fidelityNotes: 'Runs in-process through the SubscenarioPort; the started execution id is makesim’s own.',
  centicredits: 0,
  parameters: [
    {
      name: 'scenario',
      type: 'scenario',
      required: true,
      description: 'Scenario id (e.g. SCN_123 or a number).',
    },
    {
      name: 'shouldWaitForExecutionEnd',
      type: 'boolean',
      default: true,
      description: 'Wait for the subscenario output.',
    },
  ],
  mapper: [{ name: 'data', type: 'collection', description: 'Scenario inputs.' }],
  output: 'The subscenario’s returned outputs, or `{ executionId }` when not waiting.',
  run,
});

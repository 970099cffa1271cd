/**
 * `POST /scenarios/{id}/run` (http-spec §2.3): the scenario's required inputs must be given —
 * else 400 "Validation failed for N parameter(s)." with one suberror per field ("Missing value of
 * required parameter 'x'.") — and a responsive run answers the scenario's outputs, which are what
 * its first Return output module returned.
 */
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { RETURN_MODULE, returnedOutputs } from '../../modules/scenario-service/subscenario-runner.ts';
import type { ServerServices } from '../services.ts';
import type { StoredScenario } from '../store/scenarios.ts';
import { readInterface } from './scenario-interface.ts';

/** One message per required input that `data` lacks (absent, null or empty text). */
export function missingInputs(
  services: ServerServices,
  scenario: StoredScenario,
  data: Record<string, unknown>,
): string[] {
  const fields = readInterface(services.db, scenario).input as Array<{ name?: unknown; required?: unknown }>;
  return fields
    .filter((field) => field.required === true && typeof field.name === 'string')
    .filter((field) => {
      const value = data[field.name as string];
      return value === undefined || value === null || value === '';
    })
    .map((field) => `Missing value of required parameter '${String(field.name)}'.`);
}

/** `{outputs}` for a responsive run's answer when the scenario returns outputs, else nothing. */
export function outputsOf(record: ExecutionRecord): { outputs?: Record<string, unknown> } {
  const returns = record.modules.some((module) => module.module === RETURN_MODULE);
  return returns ? { outputs: returnedOutputs(record) } : {};
}

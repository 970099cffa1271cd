/**
 * Scenario inputs and outputs (GET/PATCH `/scenarios/{id}/interface`,
 * https://developers.make.com/api-documentation/api-reference/scenarios):
 * `{interface: {input: [...], output: [...] | null}}`, field specs in Make's form schema
 * (`{name, type, label, required, …}`, https://github.com/integromat/make-forman-schema). A PATCHed interface
 * is kept in the server database beside the scenario; until then it is read from the blueprint (`interface`,
 * or the deprecated `io: {input_spec, output_spec}`, the SDK's `blueprints.ts`,
 * https://github.com/integromat/make-typescript-sdk).
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../queue/db.ts';
import type { ServerServices } from '../services.ts';
import type { StoredScenario } from '../store/scenarios.ts';
import { ApiError, validationError } from './errors.ts';
import { isPlainObject } from './params.ts';
import type { IdParams } from './route-schemas.ts';
import { type InterfaceBody, interfaceSchema } from './scenario-schemas.ts';
import { findScenario } from './scenarios.ts';

export interface ScenarioInterface {
  input: unknown[];
  output: unknown[] | null;
}

export async function scenarioInterfaceRoutes(
  app: FastifyInstance,
  options: { services: Pick<ServerServices, 'scenarios' | 'db'> },
) {
  const { services } = options;

  app.get<{ Params: IdParams }>('/scenarios/:id/interface', async (request) => ({
    interface: readInterface(services.db, findScenario(services, request.params)),
  }));

  app.patch<{ Params: IdParams; Body: InterfaceBody }>(
    '/scenarios/:id/interface',
    { schema: interfaceSchema },
    async (request) => {
      const scenario = findScenario(services, request.params);
      const { input, output = null } = request.body.interface;
      const problems = [
        ...fieldProblems('interface.input', input),
        ...(output === null ? [] : fieldProblems('interface.output', output)),
      ];
      if (problems.length > 0) throw validationError(problems);
      const required = input.some((field) => isPlainObject(field) && field.required === true);
      if (required && scenario.scheduling.type !== 'on-demand') throw requiredInputsBlocked();
      const stored: ScenarioInterface = { input, output };
      writeInterface(services.db, scenario, stored);
      return { interface: stored };
    },
  );
}

export function writeInterface(db: Db, scenario: StoredScenario, stored: ScenarioInterface): void {
  db.prepare(
    `INSERT INTO scenario_interfaces (scenario_id, scenario_created, input, output) VALUES (?, ?, ?, ?)
     ON CONFLICT(scenario_id) DO UPDATE SET scenario_created = excluded.scenario_created,
       input = excluded.input, output = excluded.output`,
  ).run(
    scenario.id,
    scenario.created,
    JSON.stringify(stored.input),
    stored.output && JSON.stringify(stored.output),
  );
}

/**
 * `metadata: {input_spec, output_spec}` of a create or update body: where Make's TypeScript SDK
 * puts the blueprint's `interface` (it moves it out of the blueprint before sending). Undefined
 * when the body has none; problems are added for malformed field lists.
 */
export function interfaceFromMetadata(
  metadata: Record<string, unknown> | null | undefined,
  problems: string[],
): ScenarioInterface | undefined {
  if (metadata === undefined || metadata === null) return undefined;
  const { input_spec: input = [], output_spec: output = [] } = metadata;
  const found = [
    ...fieldProblems('metadata.input_spec', input),
    ...fieldProblems('metadata.output_spec', output),
  ];
  problems.push(...found);
  if (found.length > 0 || !Array.isArray(input) || !Array.isArray(output)) return undefined;
  return { input, output };
}

/**
 * https://developers.make.com/api-documentation, 422 IM016: required inputs only on a scenario scheduled on
 * demand.
 */
function requiredInputsBlocked(): ApiError {
  return new ApiError(422, "Required inputs need the scenario's scheduling to be 'on-demand'.", {
    code: 'IM016',
  });
}

export function readInterface(db: Db, scenario: StoredScenario): ScenarioInterface {
  const row = db
    .prepare<[number, string], { input: string; output: string | null }>(
      'SELECT input, output FROM scenario_interfaces WHERE scenario_id = ? AND scenario_created = ?',
    )
    .get(scenario.id, scenario.created);
  if (row)
    return {
      input: listOf(JSON.parse(row.input)) ?? [],
      output: row.output === null ? null : listOf(JSON.parse(row.output)),
    };
  const { blueprint } = scenario;
  const declared = isPlainObject(blueprint.interface) ? blueprint.interface : {};
  const io = isPlainObject(blueprint.io) ? blueprint.io : {};
  const input = declared.input ?? io.input_spec;
  const output = declared.output ?? io.output_spec;
  return { input: Array.isArray(input) ? input : [], output: Array.isArray(output) ? output : null };
}

/** A stored field list (JSON.parse gives `any`: it is checked, not trusted). */
function listOf(value: unknown): unknown[] | null {
  return Array.isArray(value) ? value : null;
}

/** Each field: an object with a non-empty `name` (unique) and a `type`; `required` a boolean. */
function fieldProblems(where: string, fields: unknown): string[] {
  if (!Array.isArray(fields)) return [`Parameter '${where}' must be an array of field specs.`];
  const problems: string[] = [];
  const names = new Set<string>();
  fields.forEach((field: unknown, index) => {
    const at = `${where}[${index}]`;
    const spec = isPlainObject(field) ? field : {};
    if (typeof spec.name !== 'string' || spec.name === '')
      problems.push(`'${at}.name' must be a non-empty string.`);
    else if (names.has(spec.name)) problems.push(`'${at}.name' repeats the field name '${spec.name}'.`);
    else names.add(spec.name);
    if (typeof spec.type !== 'string' || spec.type === '')
      problems.push(`'${at}.type' must be a field type such as 'text'.`);
    if (spec.required !== undefined && typeof spec.required !== 'boolean')
      problems.push(`'${at}.required' must be true or false.`);
  });
  return problems;
}

/**
 * A scenario's blueprint and its versions
 * (https://developers.make.com/api-documentation/api-reference/scenarios). The server keeps only the current
 * blueprint, so there is one version, number 1, created when the scenario was last edited (docs/fidelity.md);
 * `blueprintId` names it, any other version is a 404.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import { notFound } from './errors.ts';
import { flowNodes } from './flow-nodes.ts';
import type { IdParams } from './route-schemas.ts';
import { readInterface } from './scenario-interface.ts';
import { type BlueprintQuery, blueprintSchema } from './scenario-schemas.ts';
import { findScenario } from './scenarios.ts';

/** The version number of the one blueprint kept. */
export const CURRENT_BLUEPRINT_VERSION = 1;

export async function scenarioBlueprintRoutes(
  app: FastifyInstance,
  options: { services: Pick<ServerServices, 'scenarios' | 'db'> },
) {
  const { services } = options;

  app.get<{ Params: IdParams; Querystring: BlueprintQuery }>(
    '/scenarios/:id/blueprint',
    { schema: blueprintSchema },
    async (request) => {
      const scenario = findScenario(services, request.params);
      const version = request.query.blueprintId;
      if (version !== undefined && version !== CURRENT_BLUEPRINT_VERSION) throw notFound('Blueprint');
      const current = readInterface(services.db, scenario);
      return {
        code: 'OK',
        response: {
          blueprint: scenario.blueprint,
          scheduling: scenario.scheduling,
          idSequence: maxModuleId(scenario.blueprint) + 1,
          created: scenario.created,
          last_edit: scenario.lastEdit,
          // Make answers the interface here; its TypeScript SDK reads it into `blueprint.interface`.
          metadata: { input_spec: current.input, output_spec: current.output ?? [] },
        },
      };
    },
  );

  app.get<{ Params: IdParams }>('/scenarios/:id/blueprints', async (request) => {
    const scenario = findScenario(services, request.params);
    return {
      scenariosBlueprints: [
        {
          created: scenario.lastEdit,
          version: CURRENT_BLUEPRINT_VERSION,
          scenarioId: scenario.id,
          draft: false,
        },
      ],
    };
  });
}

function maxModuleId(blueprint: Record<string, unknown>): number {
  let max = 0;
  for (const node of flowNodes(blueprint.flow)) if (typeof node.id === 'number') max = Math.max(max, node.id);
  return max;
}

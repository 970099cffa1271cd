/**
 * `POST /scenarios/{id}/clone` (https://developers.make.com/api-documentation/api-reference/scenarios): a
 * new, inactive scenario with the source's blueprint (renamed) and scheduling. A hook belongs to one
 * scenario, so a webhook or mailhook clone gets the hook the `hook` map names, or a new one — never the
 * source's. The `udt` and `datastore` maps rewrite the blueprint's ids (clone-id-maps.ts). Everything is
 * checked before anything is written.
 */
import type { FastifyInstance } from 'fastify';
import { createScenario, hookTypeOf, type ScenarioAdminServices } from '../project/admin.ts';
import type { ServerServices } from '../services.ts';
import { isHookGone, type StoredHook } from '../store/hooks.ts';
import type { StoredScenario } from '../store/scenarios.ts';
import { type IdMap, readId, readIdMaps, rewriteIds } from './clone-id-maps.ts';
import { validationError } from './errors.ts';
import { isPlainObject } from './params.ts';
import type { IdParams } from './route-schemas.ts';
import { type CloneScenarioBody, cloneScenarioSchema } from './scenario-schemas.ts';
import { findScenario } from './scenarios.ts';
import { type ScenarioShapeServices, scenarioShape } from './shapes.ts';

/** What a clone uses: the source, the hooks it may take, and what creating a scenario uses. */
type CloneServices = ScenarioAdminServices & ScenarioShapeServices;

export async function scenarioCloneRoutes(app: FastifyInstance, options: { services: CloneServices }) {
  const { services } = options;

  // `cols[]`, `confirmed` and `notAnalyze` in the query change nothing here: the answer is GET's shape.
  app.post<{ Params: IdParams; Body: CloneScenarioBody }>(
    '/scenarios/:id/clone',
    { schema: cloneScenarioSchema },
    async (request) => {
      const source = findScenario(services, request.params);
      const { body } = request;
      const problems: string[] = [];
      const maps = readIdMaps(body, problems);
      if (problems.length > 0) throw validationError(problems);
      const hook = mappedHook(services, source, maps.hook);
      const { name } = body;
      const blueprint = { ...rewriteIds(source.blueprint, maps), name };
      // Prepared here, letting the event loop run, so the new scenario is not prepared on first use.
      const preparation = await services.catalog.prepare(blueprint);
      const clone = createScenario(services, {
        name,
        source: null,
        blueprint,
        scheduling: source.scheduling,
        isActive: false,
        preparation,
        ...(hook ? { udid: hook.udid } : {}),
      });
      return { scenario: scenarioShape(services, clone) };
    },
  );
}

/**
 * The hook the `hook` map gives the clone: the entry for the source's hook id, or for the id its
 * trigger's `parameters.hook` names (a blueprint exported from Make keeps Make's id there). It must
 * exist, be attached to no scenario and be of the trigger's type; else a 400 naming it. None when
 * the map has no entry: createScenario then makes a new hook.
 */
function mappedHook(
  services: Pick<ServerServices, 'hooks' | 'clock'>,
  source: StoredScenario,
  map: IdMap,
): StoredHook | undefined {
  const typeName = hookTypeOf(source.blueprint);
  if (!typeName) return undefined;
  const id = [source.hookId, triggerHookParameter(source)]
    .map((oldId) => (oldId === null || oldId === undefined ? undefined : map.get(oldId)))
    .find((newId) => newId !== undefined);
  if (id === undefined) return undefined;
  const hook = services.hooks.get(id);
  if (!hook) throw validationError([`Parameter 'hook': hook ${id} not found.`]);
  if (isHookGone(hook, services.clock.now())) {
    throw validationError([
      `Parameter 'hook': hook ${id} is gone (unattached for over 120 hours); map a new hook.`,
    ]);
  }
  if (hook.scenarioId !== null) {
    throw validationError([`Parameter 'hook': hook ${id} is already used by scenario ${hook.scenarioId}.`]);
  }
  if (hook.typeName !== typeName) {
    throw validationError([
      `Parameter 'hook': hook ${id} is a ${hook.typeName} hook; the scenario's trigger needs a ${typeName} one.`,
    ]);
  }
  return hook;
}

function triggerHookParameter(scenario: StoredScenario): number | undefined {
  const flow = scenario.blueprint.flow;
  const trigger: unknown = Array.isArray(flow) ? flow[0] : undefined;
  const parameters = isPlainObject(trigger) ? trigger.parameters : undefined;
  return readId(isPlainObject(parameters) ? parameters.hook : undefined);
}

/**
 * Scenarios CRUD (https://developers.make.com/api-documentation/api-reference/scenarios): list (teamId xor
 * organizationId, `id[]`, `isActive`, `type`, `cols[]`, `pg`), get, create and update with
 * `blueprint`/`scheduling` as JSON strings, delete. A new scenario is always inactive. Every body is checked
 * completely before anything is written.
 */
import type { FastifyInstance } from 'fastify';
import type { ScenarioAdminServices } from '../project/admin.ts';
import { createScenario, deleteScenario, updateScenario } from '../project/admin.ts';
import type { ServerServices } from '../services.ts';
import type { Scheduling, StoredScenario } from '../store/scenarios.ts';
import { ApiError, notFound, validationError } from './errors.ts';
import { arrayParam, jsonStringField, readPage } from './params.ts';
import {
  type CreateScenarioBody,
  createScenarioSchema,
  type IdParams,
  type ScenarioDefinitionBody,
  type UpdateScenarioBody,
  updateScenarioSchema,
} from './route-schemas.ts';
import { writeDescription } from './scenario-description.ts';
import { interfaceFromMetadata, writeInterface } from './scenario-interface.ts';
import {
  type ColsQuery,
  getScenarioSchema,
  type ListScenariosQuery,
  listScenariosSchema,
} from './scenario-schemas.ts';
import { schedulingProblems } from './scheduling-check.ts';
import { type ScenarioShapeServices, scenarioShape } from './shapes.ts';

/** What scenario CRUD uses: the stores, the blueprint check, and what a change tells (project/admin.ts). */
type ScenarioServices = ScenarioShapeServices &
  ScenarioAdminServices &
  Pick<ServerServices, 'catalog' | 'db'>;

export async function scenarioRoutes(
  app: FastifyInstance,
  options: { services: ScenarioServices },
): Promise<void> {
  const { services } = options;

  app.get<{ Querystring: ListScenariosQuery }>(
    '/scenarios',
    { schema: listScenariosSchema },
    async (request) => {
      const { query } = request;
      const { teamId, organizationId } = query;
      if (teamId !== undefined && organizationId !== undefined) {
        throw new ApiError(400, 'teamId and organizationId cannot be used together');
      }
      if (teamId === undefined && organizationId === undefined) {
        throw new ApiError(400, 'Missing required parameter teamId or organizationId');
      }
      const page = readPage(query, { offset: 0, limit: 10, sortBy: 'proprietal', sortDir: 'desc' });
      const columns = arrayParam<'cols', string>(query, 'cols');
      const all = services.scenarios
        .list()
        .filter(listFilter(query))
        .sort((a, b) => (page.sortDir === 'asc' ? 1 : -1) * compare(a, b, page.sortBy));
      const scenarios = all
        .slice(page.offset, page.offset + page.limit)
        .map((s) => pickColumns(scenarioShape(services, s), columns));
      return {
        scenarios,
        pg: { sortBy: page.sortBy, limit: page.limit, sortDir: page.sortDir, offset: page.offset },
      };
    },
  );

  app.get<{ Params: IdParams; Querystring: ColsQuery }>(
    '/scenarios/:id',
    { schema: getScenarioSchema },
    async (request) => ({
      scenario: pickColumns(
        scenarioShape(services, findScenario(services, request.params)),
        arrayParam(request.query, 'cols'),
      ),
    }),
  );

  app.post<{ Body: CreateScenarioBody }>('/scenarios', { schema: createScenarioSchema }, async (request) => {
    const { body } = request;
    const problems: string[] = [];
    const { blueprint, scheduling, preparation } = await readDefinition(services, body, problems, null);
    const spec = interfaceFromMetadata(body.metadata, problems);
    if (problems.length > 0 || !blueprint || !scheduling) throw validationError(problems);
    const created = createScenario(services, {
      source: null,
      blueprint,
      scheduling,
      isActive: false,
      ...(preparation ? { preparation } : {}),
    });
    if (spec && (spec.input.length > 0 || (spec.output?.length ?? 0) > 0))
      writeInterface(services.db, created, spec);
    return { scenario: scenarioShape(services, created) };
  });

  app.patch<{ Params: IdParams; Body: UpdateScenarioBody }>(
    '/scenarios/:id',
    { schema: updateScenarioSchema },
    async (request) => {
      const { id, source } = findScenario(services, request.params);
      const body = request.body ?? {};
      const problems: string[] = [];
      // Loaded side by side, written in the order the requests came: the last one wins (edit-order.ts).
      return services.catalog.edits.run(
        id,
        () => readDefinition(services, body, problems, source),
        ({ blueprint, scheduling, preparation }) => {
          const scenario = findScenario(services, request.params);
          const spec = interfaceFromMetadata(body.metadata, problems);
          if (problems.length > 0) throw validationError(problems);
          const updated =
            updateScenario(services, scenario.id, {
              ...(typeof body.name === 'string' ? { name: body.name } : {}),
              ...(blueprint ? { blueprint, ...(preparation ? { preparation } : {}) } : {}),
              ...(scheduling ? { scheduling } : {}),
            }) ?? scenario;
          if (typeof body.description === 'string') writeDescription(services.db, updated, body.description);
          // The SDK sends `metadata` with every update, derived from the blueprint it sends: without a
          // blueprint its empty lists mean "no interface given", not "clear the interface".
          if (spec && blueprint) writeInterface(services.db, updated, spec);
          return { scenario: scenarioShape(services, updated) };
        },
      );
    },
  );

  app.delete<{ Params: IdParams }>('/scenarios/:id', async (request) => {
    const scenario = findScenario(services, request.params);
    deleteScenario(services, scenario.id);
    return { scenario: scenario.id };
  });
}

export function findScenario(services: Pick<ServerServices, 'scenarios'>, params: IdParams): StoredScenario {
  const scenario = services.scenarios.get(params.id);
  if (!scenario) throw notFound('Scenario');
  return scenario;
}

/**
 * Parses and checks `blueprint` (it must load; prepared for the scenario served from `source`,
 * letting the event loop run meanwhile) and `scheduling` (JSON strings).
 */
async function readDefinition(
  services: Pick<ServerServices, 'catalog'>,
  body: ScenarioDefinitionBody,
  problems: string[],
  source: string | null,
) {
  const blueprint = jsonStringField(body.blueprint, 'blueprint', problems);
  const scheduling = jsonStringField(body.scheduling, 'scheduling', problems) as Scheduling | undefined;
  const preparation = blueprint ? await services.catalog.prepare(blueprint, source ?? undefined) : undefined;
  if (preparation && 'error' in preparation) problems.push(`Invalid blueprint: ${preparation.error}`);
  if (scheduling) problems.push(...schedulingProblems(scheduling));
  return { blueprint, scheduling, preparation };
}

/**
 * The list filters `id[]`, `isActive` and `type` (every local scenario is a `scenario`, none a `tool`:
 * https://developers.make.com/api-documentation/api-reference/scenarios, OAS). `folderId` and `concept` are
 * ignored: local scenarios have no folders and none is a concept (docs/fidelity.md).
 */
function listFilter(query: ListScenariosQuery): (scenario: StoredScenario) => boolean {
  const ids = arrayParam<'id', number>(query, 'id');
  const { isActive, type } = query;
  return (scenario) =>
    (ids.length === 0 || ids.includes(scenario.id)) &&
    (isActive === undefined || scenario.isActive === isActive) &&
    type !== 'tool';
}

/** `cols[]` keeps only the named fields (unknown names are skipped); `id` is always kept. */
function pickColumns(shape: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  if (columns.length === 0) return shape;
  const kept = new Set(['id', ...columns]);
  return Object.fromEntries(Object.entries(shape).filter(([key]) => kept.has(key)));
}

function compare(a: StoredScenario, b: StoredScenario, sortBy: string): number {
  if (sortBy === 'name') return a.name.localeCompare(b.name);
  if (sortBy === 'lastEdit') return a.lastEdit.localeCompare(b.lastEdit);
  if (sortBy === 'created') return a.created.localeCompare(b.created);
  if (sortBy === 'isActive') return Number(a.isActive) - Number(b.isActive);
  return a.id - b.id;
}

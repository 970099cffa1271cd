/**
 * One incomplete execution's contents
 * (https://developers.make.com/api-documentation/api-reference/incomplete-executions): its blueprint, its
 * bundle (the outputs of the modules before the failed one, by module id), PATCH of the blueprint and failed
 * module a retry uses, and the logs of its retry runs.
 */
import type { FastifyInstance } from 'fastify';
import { redactValue } from '../../modules/http/redact.ts';
import type { ServerServices } from '../services.ts';
import type { StoredIncomplete } from '../store/incompletes.ts';
import {
  type DlqLogParams,
  type DlqParams,
  dlqLogParams,
  dlqLogsSchema,
  dlqParams,
  type EditDlqBody,
  editDlqSchema,
} from './dlq-schemas.ts';
import { notFound, validationError } from './errors.ts';
import { flowNodes } from './flow-nodes.ts';
import { jsonStringField, logPageShape, readLogPage } from './params.ts';
import type { PageQuery } from './query-schemas.ts';
import { logShape } from './shapes.ts';

type Find = (params: DlqParams) => StoredIncomplete;

/**
 * Open question (Make's API reference, https://developers.make.com/api-documentation/api-reference/incomplete-executions, gives no
 * body for GET `/dlqs/{id}/blueprint`): answered like the bundle, `{code: "OK", response: {blueprint}}`. The
 * blueprint is the edited one, else the scenario's.
 */
function blueprintOf(
  services: Pick<DlqDetailServices, 'incompletes' | 'scenarios'>,
  item: StoredIncomplete,
): Record<string, unknown> {
  return (
    services.incompletes.edits(item.id).blueprint ?? services.scenarios.get(item.scenarioId)?.blueprint ?? {}
  );
}

/** What the item's detail routes use: its edits, its scenario, its retries' records. */
export type DlqDetailServices = Pick<
  ServerServices,
  'incompletes' | 'scenarios' | 'executions' | 'catalog' | 'clock' | 'settings'
>;

export async function dlqDetailRoutes(
  app: FastifyInstance,
  options: { services: DlqDetailServices; find: Find },
) {
  const { services, find } = options;

  const byId = { schema: { params: dlqParams } };
  app.get<{ Params: DlqParams }>('/dlqs/:dlqId/blueprint', byId, async (request) => ({
    code: 'OK',
    response: { blueprint: blueprintOf(services, find(request.params)) },
  }));

  app.get<{ Params: DlqParams }>('/dlqs/:dlqId/bundle', byId, async (request) => ({
    code: 'OK',
    response: redactValue(find(request.params).detail.context, services.settings.secrets),
  }));

  app.patch<{ Params: DlqParams; Body: EditDlqBody }>(
    '/dlqs/:dlqId',
    { schema: editDlqSchema },
    async (request) => {
      const item = find(request.params);
      const { body } = request;
      const problems: string[] = [];
      if (body.blueprint === undefined && body.failer === undefined)
        problems.push("Send 'blueprint' (a JSON-encoded blueprint) or 'failer' (a module id), or both.");
      const blueprint = jsonStringField(body.blueprint, 'blueprint', problems);
      const preparation = blueprint ? await services.catalog.prepare(blueprint) : undefined;
      if (preparation && 'error' in preparation) problems.push(`Invalid blueprint: ${preparation.error}`);
      const failer = body.failer;
      const effective = blueprint ?? blueprintOf(services, item);
      if (failer !== undefined && !moduleIds(effective).has(failer))
        problems.push(
          `Parameter 'failer' must be the id of a module of the blueprint (${[...moduleIds(effective)].join(', ')}).`,
        );
      if (problems.length > 0) throw validationError(problems);
      services.incompletes.edit(item.id, {
        ...(blueprint ? { blueprint } : {}),
        ...(failer === undefined ? {} : { failer }),
        now: services.clock.now(),
      });
      const edits = services.incompletes.edits(item.id);
      return {
        dlq: { failer: edits.failer ?? item.detail.moduleId, blueprint: blueprintOf(services, item) },
      };
    },
  );

  app.get<{ Params: DlqParams; Querystring: PageQuery }>(
    '/dlqs/:dlqId/logs',
    { schema: dlqLogsSchema },
    async (request) => {
      const item = find(request.params);
      const page = readLogPage(request.query);
      const logs = attemptLogs(services, item);
      if (page.sortDir === 'asc') logs.reverse();
      const shown = logs.slice(page.offset, page.offset + page.limit);
      // The spec's key is `dlqLogs`; Make's TypeScript SDK reads `scenarioLogs` here.
      return {
        dlqLogs: shown,
        scenarioLogs: shown,
        pg: logPageShape(page),
      };
    },
  );

  app.get<{ Params: DlqLogParams }>(
    '/dlqs/:dlqId/logs/:executionId',
    { schema: { params: dlqLogParams } },
    async (request) => {
      const item = find(request.params);
      const executionId = request.params.executionId.replaceAll('-', '');
      const log = attemptLogs(services, item).find((entry) => entry.id === executionId);
      if (!log) throw notFound('Incomplete execution log');
      return { dlqLog: log, scenarioLogs: log };
    },
  );
}

/**
 * The stored retry runs of an item, newest first. Open question: the spec shows one imtId,
 * `<ms>_dlq.<dlqId>.manual.<execId>`; every retry (by hand or scheduled) gets that form.
 */
function attemptLogs(
  services: Pick<DlqDetailServices, 'incompletes' | 'executions'>,
  item: StoredIncomplete,
) {
  const logs: Array<Record<string, unknown> & { id: string }> = [];
  for (const executionId of services.incompletes.attemptIds(item.id)) {
    const execution = services.executions.get(executionId);
    if (!execution) continue; // still running: its row is written when it ends
    const startedMs = new Date(execution.started).getTime();
    logs.push({
      ...logShape(execution),
      imtId: `${startedMs}_dlq.${item.id}.manual.${execution.id}`,
      id: execution.id,
    });
  }
  return logs;
}

/** Every module id of a blueprint, routes and error routes included. */
function moduleIds(blueprint: Record<string, unknown>): Set<number> {
  const ids = new Set<number>();
  for (const node of flowNodes(blueprint.flow)) if (typeof node.id === 'number') ids.add(node.id);
  return ids;
}

/**
 * What the inspector shows, shaped from the stores: scenario rows, execution rows, and one
 * execution's module graph (the blueprint's flow, routes and error routes, each module joined
 * with its record: operations, bundles in/out, calls, errors).
 */
import type { ModuleRecord } from '../../engine/runtime/record.ts';
import { redactValue } from '../../modules/http/redact.ts';
import { hookUrl } from '../api/shapes.ts';
import type { ServerServices } from '../services.ts';

/** What the run page reads: no queue writes, runner or database handle. */
export type UiServices = Pick<
  ServerServices,
  'scenarios' | 'hooks' | 'queue' | 'catalog' | 'executions' | 'events' | 'settings'
>;

import type { StoredExecution } from '../store/executions.ts';
import { truncateValue } from './truncate.ts';

export function scenarioList(services: UiServices) {
  return services.scenarios.list().map((scenario) => {
    const hook = scenario.hookId === null ? undefined : services.hooks.get(scenario.hookId);
    return {
      id: scenario.id,
      name: scenario.name,
      isActive: scenario.isActive,
      isInvalid: scenario.isInvalid,
      scheduling: scenario.scheduling,
      nextExec: scenario.nextExec,
      hookUrl: hook ? hookUrl(services, hook) : null,
      queueCount: hook ? services.queue.count(hook.id) : 0,
      problem: services.catalog.problem(scenario.id) ?? null,
      executions: services.executions.count(scenario.id),
    };
  });
}

const STATUS_NAMES: Record<number, string> = { 1: 'success', 2: 'warning', 3: 'error' };

export function executionList(services: UiServices, query: Record<string, string>) {
  const status = Object.entries(STATUS_NAMES).find(([, name]) => name === query.status)?.[0];
  const scenarioId = query.scenarioId ? Number(query.scenarioId) : undefined;
  const names = new Map(services.scenarios.list().map((s) => [s.id, s.name]));
  const rows = services.executions.list({
    ...(scenarioId === undefined || Number.isNaN(scenarioId) ? {} : { scenarioId }),
    ...(status ? { status: Number(status) } : {}),
    offset: 0,
    limit: Math.min(500, Number(query.limit) || 100),
    sortDir: 'desc',
  });
  return rows.map((row) => ({
    id: row.id,
    scenarioId: row.scenarioId,
    scenarioName: names.get(row.scenarioId) ?? deletedName(row),
    status: STATUS_NAMES[row.status] ?? 'running',
    type: row.type,
    operations: row.operations,
    duration: row.duration,
    started: row.started,
  }));
}

/** A deleted scenario's runs keep the name it had when they ran (the record's `scenario`). */
function deletedName(execution: StoredExecution): string {
  const name = execution.record.scenario;
  return `${name || 'Scenario'} (deleted, #${execution.scenarioId})`;
}

interface GraphNode {
  id: number;
  module: string;
  label: string;
  /** The run ended on this module (its error, or a setup failure such as a missing mock). */
  failed: boolean;
  record: (ModuleRecord & { truncated?: boolean }) | null;
  routes: GraphNode[][];
  onerror: GraphNode[];
}

export function executionDetail(services: UiServices, id: string) {
  const execution = services.executions.get(id);
  if (!execution) return undefined;
  const scenario = services.scenarios.get(execution.scenarioId);
  const { record } = execution;
  const byId = new Map(record.modules.map((module) => [module.id, module]));
  const failedId = record.error?.moduleId;
  // A deleted scenario's blueprint is gone: its modules are shown in record order.
  const flow = scenario?.blueprint.flow ?? record.modules.map((m) => ({ id: m.id, module: m.module }));
  return redactValue(
    {
      id: execution.id,
      scenarioId: execution.scenarioId,
      scenarioName: scenario?.name ?? deletedName(execution),
      status: STATUS_NAMES[execution.status] ?? 'running',
      operations: execution.operations,
      duration: execution.duration,
      started: execution.started,
      error: truncateValue(record.error).value,
      warnings: truncateValue(record.warnings).value,
      response: truncateValue(record.response).value,
      graph: graph(flow, byId, failedId),
    },
    services.settings.secrets,
  );
}

/** One module's whole record, for the page's "show everything". */
export function moduleDetail(services: UiServices, id: string, moduleId: number) {
  const module = services.executions.get(id)?.record.modules.find((m) => m.id === moduleId);
  return module && redactValue(module, services.settings.secrets);
}

function graph(flow: unknown, byId: Map<number, ModuleRecord>, failedId: number | undefined): GraphNode[] {
  if (!Array.isArray(flow)) return [];
  return (flow as Array<Record<string, unknown>>).map((node) => {
    const id = typeof node.id === 'number' ? node.id : -1;
    const designer = (node.metadata as { designer?: { name?: unknown } } | undefined)?.designer;
    const module = byId.get(id);
    const cut = module ? truncateValue(module) : undefined;
    return {
      id,
      module: String(node.module ?? ''),
      label: typeof designer?.name === 'string' ? designer.name : String(node.module ?? ''),
      failed: id === failedId || (module?.errors.length ?? 0) > 0,
      record: cut ? { ...cut.value, truncated: cut.truncated } : null,
      routes: ((node.routes as Array<{ flow?: unknown }> | undefined) ?? []).map((route) =>
        graph(route.flow, byId, failedId),
      ),
      onerror: graph(node.onerror, byId, failedId),
    };
  });
}

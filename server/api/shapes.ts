/**
 * Make API v2 object shapes with Make's exact casing
 * (https://developers.make.com/api-documentation/api-reference/<scenarios|scenarios/logs|
 * incomplete-executions|hooks>): `isActive`/`isPaused` camelCase beside
 * `isinvalid`/`islinked`/`islocked`/`iswaiting`; ids and times as Make sends them.
 */
import { redactText } from '../../modules/http/redact.ts';
import type { ServerServices } from '../services.ts';
import type { StoredExecution } from '../store/executions.ts';
import { isHookGone, MAILHOOK_TYPE_NAME, type StoredHook } from '../store/hooks.ts';
import type { StoredIncomplete } from '../store/incompletes.ts';
import type { StoredScenario } from '../store/scenarios.ts';
import { flowNodes } from './flow-nodes.ts';
import { readDescription } from './scenario-description.ts';
import { currentPeriod, operationsSince } from './usage.ts';

export const LOCAL_IDS = { userId: 1, teamId: 1, organizationId: 1 };
export const LOCAL_USER = { id: 1, name: 'makesim', email: 'makesim@localhost' };

/** What a scenario's shape reads: its description, waiting state, incomplete count and usage. */
export type ScenarioShapeServices = Pick<
  ServerServices,
  'db' | 'clock' | 'catalog' | 'runner' | 'incompletes'
>;

export function scenarioShape(
  services: ScenarioShapeServices,
  scenario: StoredScenario,
): Record<string, unknown> {
  return {
    id: scenario.id,
    name: scenario.name,
    teamId: LOCAL_IDS.teamId,
    hookId: scenario.hookId,
    deviceId: null,
    deviceScope: null,
    concept: false,
    description: readDescription(services.db, scenario),
    folderId: null,
    isinvalid: scenario.isInvalid,
    islinked: scenario.isActive,
    isActive: scenario.isActive,
    islocked: false,
    isPaused: false,
    usedPackages: usedPackages(scenario.blueprint),
    lastEdit: scenario.lastEdit,
    scheduling: scenario.scheduling,
    iswaiting: waitsOnIncompletes(services, scenario.id),
    dlqCount: services.incompletes.unresolvedCount(scenario.id),
    createdByUser: LOCAL_USER,
    updatedByUser: LOCAL_USER,
    nextExec: scenario.nextExec,
    created: scenario.created,
    operations: operationsSince(services.db, currentPeriod(services.clock.now()).start, scenario.id),
    // Data transfer is not measured locally (docs/fidelity.md).
    transfer: 0,
  };
}

/**
 * `iswaiting`: a sequential scenario held back by unresolved incomplete executions
 * (https://help.make.com/scenario-settings).
 */
function waitsOnIncompletes(
  services: Pick<ServerServices, 'catalog' | 'runner'>,
  scenarioId: number,
): boolean {
  const prepared = services.catalog.prepared(scenarioId);
  return prepared !== undefined && services.runner.waitsOnIncompletes(scenarioId, prepared);
}

/** App names of the blueprint's modules (`json` from `json:ParseJSON`), as Make lists them. */
function usedPackages(blueprint: Record<string, unknown>): string[] {
  const found = new Set<string>();
  for (const node of flowNodes(blueprint.flow))
    if (typeof node.module === 'string') found.add(node.module.split(':')[0] ?? node.module);
  return [...found];
}

/**
 * Local mailhook addresses: `<udid>@hook.local` stands for Make's `<udid>@hook.<zone>.make.com`
 * (https://help.make.com/webhooks).
 */
export const MAILHOOK_DOMAIN = 'hook.local';

/** Where a hook is reached: a webhook's URL, a mailhook's email address. */
export function hookUrl(services: Pick<ServerServices, 'settings'>, hook: StoredHook): string {
  if (hook.typeName === MAILHOOK_TYPE_NAME) return `${hook.udid}@${MAILHOOK_DOMAIN}`;
  return `${services.settings.hookBase}/${hook.udid}`;
}

/** Where a mailhook takes messages over HTTP on the hook port (server/gateway/mail-routes.ts). */
export function mailhookEndpoint(services: Pick<ServerServices, 'settings'>, hook: StoredHook): string {
  return `${services.settings.hookBase}/mailhook/${hook.udid}`;
}

/**
 * The API's `type` of a hook: `mail` for mailhooks, `web` for webhooks
 * (https://developers.make.com/api-documentation/api-reference/hooks).
 */
export function hookType(hook: StoredHook): 'mail' | 'web' {
  return hook.typeName === MAILHOOK_TYPE_NAME ? 'mail' : 'web';
}

/** What a hook's shape reads: its scenario, queue count and limit, clock and URL base. */
export type HookShapeServices = Pick<ServerServices, 'scenarios' | 'queue' | 'settings' | 'clock'>;

export function hookShape(services: HookShapeServices, hook: StoredHook): Record<string, unknown> {
  const scenario = hook.scenarioId === null ? undefined : services.scenarios.get(hook.scenarioId);
  const { apiKeys: _keys, ...data } = hook.data;
  return {
    id: hook.id,
    name: hook.name,
    teamId: LOCAL_IDS.teamId,
    udid: hook.udid,
    type: hookType(hook),
    packageName: null,
    theme: '#c73a63',
    flags: {},
    editable: true,
    queueCount: services.queue.count(hook.id),
    queueLimit: services.settings.queueLimit,
    enabled: hook.enabled,
    gone: isHookGone(hook, services.clock.now()),
    typeName: hook.typeName,
    data: { ...data, teamId: LOCAL_IDS.teamId },
    scenarioId: hook.scenarioId,
    ...(scenario ? { scenarioName: scenario.name, scenarioIsActive: scenario.isActive } : {}),
    url: hookUrl(services, hook),
  };
}

export function logShape(execution: StoredExecution): Record<string, unknown> {
  const startedMs = new Date(execution.started).getTime();
  return {
    imtId: `${startedMs}_scenario.${execution.scenarioId}.${execution.type}.${execution.id}`,
    id: execution.id,
    type: execution.type,
    status: execution.status,
    duration: execution.duration,
    operations: execution.operations,
    centicredits: execution.centicredits,
    transfer: 0,
    organizationId: LOCAL_IDS.organizationId,
    teamId: LOCAL_IDS.teamId,
    authorId: LOCAL_IDS.userId,
    instant: execution.instant,
    timestamp: execution.started,
  };
}

export function dlqShape(
  services: Pick<ServerServices, 'scenarios' | 'settings'>,
  item: StoredIncomplete,
): Record<string, unknown> {
  return {
    id: item.id,
    scenarioId: item.scenarioId,
    scenarioName: services.scenarios.get(item.scenarioId)?.name ?? '',
    companyId: LOCAL_IDS.organizationId,
    companyName: 'makesim',
    reason: redactText(item.reason, services.settings.secrets),
    resolved: item.resolved,
    deleted: false,
    index: 0,
    created: item.created,
    executionId: item.executionId,
    retry: item.retry,
    attempts: item.attempts,
    size: JSON.stringify(item.input ?? null).length,
  };
}

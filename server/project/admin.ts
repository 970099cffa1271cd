/**
 * Creating, editing, activating and deleting scenarios — shared by the API and the blueprint
 * directory loader so both keep hooks, schedules and the queue consistent. Every write is one
 * SQLite transaction: a failure leaves nothing half-written.
 */

import type { Preparation } from '../runner/catalog.ts';
import { MAIL_TRIGGER, WEBHOOK_TRIGGER } from '../runner/engine-port.ts';
import type { ServerServices } from '../services.ts';
import {
  type HookData,
  type HookTypeName,
  isHookGone,
  MAILHOOK_TYPE_NAME,
  type StoredHook,
  WEBHOOK_TYPE_NAME,
} from '../store/hooks.ts';
import type { Scheduling, StoredScenario } from '../store/scenarios.ts';

export interface ScenarioInput {
  id?: number;
  name?: string;
  source: string | null;
  blueprint: Record<string, unknown>;
  scheduling?: Scheduling;
  /** A 32-character udid for the scenario's webhook or mailhook (config `hookId`). */
  udid?: string;
  /** Options written over the hook's stored ones (config `hook`); options not given are kept. */
  hookData?: Partial<HookData>;
  isActive: boolean;
  /** The blueprint already prepared (catalog.prepare): kept for the scenario, not prepared again. */
  preparation?: Preparation;
}

/**
 * What changing scenarios uses: the stores it writes (in the database's transactions), the clock,
 * and whom a change tells — the catalog, scheduler, runner and live-update events.
 */
export type ScenarioAdminServices = Pick<
  ServerServices,
  'db' | 'clock' | 'scenarios' | 'hooks' | 'queue' | 'catalog' | 'scheduler' | 'runner' | 'events'
>;

/** What the caller asks of the scenario's hook. */
type HookRequest = Pick<ScenarioInput, 'udid' | 'hookData'>;

/** The trigger of a raw blueprint: its first module's key. */
export function triggerOf(blueprint: Record<string, unknown>): string | undefined {
  const flow = blueprint.flow;
  const first = Array.isArray(flow) ? (flow[0] as { module?: unknown } | undefined) : undefined;
  return typeof first?.module === 'string' ? first.module : undefined;
}

/** The hook type a scenario's trigger needs, if it needs one (https://help.make.com/webhooks). */
export function hookTypeOf(blueprint: Record<string, unknown>): HookTypeName | undefined {
  const trigger = triggerOf(blueprint);
  if (trigger === WEBHOOK_TRIGGER) return WEBHOOK_TYPE_NAME;
  if (trigger === MAIL_TRIGGER) return MAILHOOK_TYPE_NAME;
  return undefined;
}

/**
 * Webhook and mailhook scenarios run `immediately`; others every 15 minutes — Make's defaults
 * (https://help.make.com/schedule-a-scenario).
 */
export function defaultScheduling(blueprint: Record<string, unknown>): Scheduling {
  return hookTypeOf(blueprint) !== undefined
    ? { type: 'immediately' }
    : { type: 'indefinitely', interval: 900 };
}

export function createScenario(services: ScenarioAdminServices, input: ScenarioInput): StoredScenario {
  const now = services.clock.now();
  const created = services.db.transaction(() => {
    const scenario = services.scenarios.create({
      ...(input.id === undefined ? {} : { id: input.id }),
      name: input.name ?? nameOf(input.blueprint),
      source: input.source,
      blueprint: input.blueprint,
      scheduling: input.scheduling ?? defaultScheduling(input.blueprint),
      isActive: input.isActive,
      now,
    });
    ensureHook(services, scenario.id, input);
    return scenario;
  })();
  if (input.preparation) services.catalog.adopt(created.id, input.preparation);
  afterChange(services, created.id);
  return services.scenarios.get(created.id) as StoredScenario;
}

export function updateScenario(
  services: ScenarioAdminServices,
  id: number,
  patch: { name?: string; blueprint?: Record<string, unknown>; scheduling?: Scheduling } & HookRequest &
    Pick<ScenarioInput, 'preparation'>,
): StoredScenario | undefined {
  const now = services.clock.now();
  // A patch that keeps the blueprint keeps its preparation too (a name or scheduling change).
  const kept = patch.blueprint ? patch.preparation : services.catalog.cached(id);
  services.db.transaction(() => {
    const { udid, hookData, preparation: _, ...fields } = patch;
    const name = fields.name ?? (fields.blueprint ? nameOf(fields.blueprint) : undefined);
    services.scenarios.update(id, { ...fields, ...(name ? { name } : {}) }, now);
    ensureHook(services, id, { udid, hookData });
  })();
  services.catalog.forget(id);
  if (kept) services.catalog.adopt(id, kept);
  afterChange(services, id);
  return services.scenarios.get(id);
}

export function deleteScenario(services: ScenarioAdminServices, id: number): void {
  services.db.transaction(() => {
    const scenario = services.scenarios.get(id);
    if (scenario?.hookId != null) services.hooks.setScenario(scenario.hookId, null, services.clock.now());
    services.scenarios.delete(id);
  })();
  services.catalog.forget(id);
  services.events.emit('scenario', id);
}

/**
 * Start/stop (https://developers.make.com/api-documentation/api-reference/scenarios). Starting an interval
 * schedule runs once at once, as Make does.
 */
export function setActive(services: ScenarioAdminServices, id: number, active: boolean): void {
  services.scenarios.setActive(id, active);
  afterChange(services, id);
  const scenario = services.scenarios.get(id);
  if (active && scenario?.scheduling.type === 'indefinitely') {
    void services.runner.run({ scenarioId: id, type: 'auto' });
  }
}

function afterChange(services: ScenarioAdminServices, id: number): void {
  services.scheduler.refresh(id);
  services.runner.kick(id);
  services.events.emit('scenario', id);
}

/**
 * A webhook or mailhook scenario gets a hook of its trigger's type (udid from the config when
 * given, else a new one); a hook kept across a trigger change takes the new type. `hookData`
 * wins over the stored options it names. A gone hook is never taken (Make's help:
 * https://help.make.com/webhooks).
 */
function ensureHook(services: ScenarioAdminServices, scenarioId: number, request: HookRequest): void {
  const { udid, hookData } = request;
  const scenario = services.scenarios.get(scenarioId);
  const typeName = scenario ? hookTypeOf(scenario.blueprint) : undefined;
  if (!scenario || !typeName) return;
  const now = services.clock.now();
  const existing = scenario.hookId === null ? undefined : services.hooks.get(scenario.hookId);
  if (existing && !isHookGone(existing, now)) {
    const patch = {
      ...(udid && existing.udid !== udid ? { udid } : {}),
      ...(existing.typeName !== typeName ? { typeName } : {}),
      ...changedData(existing, hookData),
    };
    if (Object.keys(patch).length > 0) services.hooks.update(existing.id, patch);
    return;
  }
  const taken = udid ? takeableHook(services, udid, now) : undefined;
  if (taken) services.hooks.update(taken.id, { typeName, ...changedData(taken, hookData) });
  const hook = taken
    ? services.hooks.setScenario(taken.id, scenarioId, now)
    : services.hooks.create({
        ...(udid ? { udid } : {}),
        name: `${scenario.name} ${typeName === MAILHOOK_TYPE_NAME ? 'mailhook' : 'webhook'}`,
        typeName,
        scenarioId,
        ...(hookData ? { data: hookData } : {}),
        now,
      });
  if (!hook) return;
  services.scenarios.setHook(scenarioId, hook.id);
  services.queue.attach(hook.id, scenarioId);
}

/**
 * The hook at the udid the config names, to take over. A gone one is not revived: it is deleted
 * with its queue, so a new hook can have the udid the config pins.
 */
function takeableHook(services: ScenarioAdminServices, udid: string, now: Date): StoredHook | undefined {
  const taken = services.hooks.byUdid(udid, 'any');
  if (!taken || !isHookGone(taken, now)) return taken;
  services.queue.purge(taken.id, 'all');
  services.hooks.delete(taken.id);
  return undefined;
}

/** `{ data }` when `hookData` changes the hook's options, else nothing (no needless write). */
function changedData(hook: StoredHook, hookData: Partial<HookData> | undefined): { data?: HookData } {
  if (!hookData) return {};
  const data = { ...hook.data, ...hookData };
  return JSON.stringify(data) === JSON.stringify(hook.data) ? {} : { data };
}

function nameOf(blueprint: Record<string, unknown>): string {
  return typeof blueprint.name === 'string' && blueprint.name.trim() !== '' ? blueprint.name : 'New scenario';
}

/**
 * The kind of a module with no definition in the registry (an app module, run from mocks).
 * Make knows each app module's type from the app's manifest; a blueprint does not carry it, so
 * we infer it — ONE place, recorded in docs/fidelity.md:
 *  - first module of the main flow → a trigger;
 *    instant when `metadata.instant` is true, the module has `listener: true` (SDK type), or its
 *    key names a hook (`gateway:CustomWebHook`/`CustomMailHook`, `…:watch…Webhook`, `…Hook…`);
 *  - elsewhere → `search` when the module name starts with search/list/filter/watch or
 *    contains `Search` or a `List` word (`getListTasks`, not `updateListing`) — Make's naming
 *    for modules that output many bundles; otherwise `action`.
 */
import type { ModuleKind } from '../registry/module-kind.ts';

const INSTANT_KEY = /hook/i;
const SEARCH_NAME = /^(search|list|filter|watch)|Search|List(?=[A-Z]|s?$)/;

export interface KindInput {
  key: string;
  isFirst: boolean;
  scenarioInstant: boolean;
  listener: boolean;
}

export function inferAppKind(input: KindInput): ModuleKind {
  if (input.isFirst) return isInstantTrigger(input) ? 'instant-trigger' : 'trigger';
  return SEARCH_NAME.test(moduleName(input.key)) ? 'search' : 'action';
}

export function isInstantTrigger(input: KindInput): boolean {
  return input.scenarioInstant || input.listener || INSTANT_KEY.test(moduleName(input.key));
}

function moduleName(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(colon + 1);
}

/**
 * Make's built-in modules whose kind a blueprint shows by its structure (https://help.make.com/router,
 * https://help.make.com/quick-error-handling-reference).
 */
export const BUILTIN_KINDS: Readonly<Record<string, ModuleKind>> = {
  'builtin:BasicRouter': 'router',
  'builtin:BasicIfElse': 'if-else',
  'builtin:BasicMerge': 'merge',
  'builtin:BasicFeeder': 'iterator',
  'builtin:BasicRepeater': 'iterator',
  'builtin:Ignore': 'directive',
  'builtin:Resume': 'directive',
  'builtin:Break': 'directive',
  'builtin:Commit': 'directive',
  'builtin:Rollback': 'directive',
  'gateway:WebhookRespond': 'responder',
};

/**
 * The kind when the registry has no definition but the blueprint's structure says it:
 * routes → router, branches → if-else, outputs → merge, `parameters.feeder` → aggregator.
 * Used so an empty registry still walks routers and aggregators correctly.
 */
export function structuralKind(key: string, raw: Record<string, unknown>): ModuleKind | undefined {
  const known = BUILTIN_KINDS[key];
  if (known) return known;
  if (Array.isArray(raw.routes)) return 'router';
  if (Array.isArray(raw.branches)) return 'if-else';
  const parameters = raw.parameters;
  if (typeof parameters === 'object' && parameters !== null && 'feeder' in parameters) return 'aggregator';
  return undefined;
}

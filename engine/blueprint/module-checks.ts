/**
 * Checks a built-in module's own rules at load time: the blueprint's module version against
 * the versions we implement, and the definition's `validate` (engine/registry/define-module.ts).
 */
import { nearest } from '../expression/suggest.ts';
import type { ModuleRegistry } from '../registry/registry.ts';
import type { DraftNode } from './build.ts';
import { BUILTIN_KINDS } from './kinds.ts';
import type { ProblemList } from './problems.ts';
import { PLACEHOLDER_MODULE } from './schema.ts';

/**
 * A key of a built-in app (`builtin:`, `util:`, `regexp:`, … — an app the registry implements)
 * that names no module of it, such as `builtin:Sleep` or `builtin:BasicFilter` (filters live on
 * links, not modules). Make's editor shows such a module as missing; it is a warning because
 * the blueprint still loads, and the module then runs from mocks like an app module.
 */
export function checkBuiltinKey(node: DraftNode, registry: ModuleRegistry, problems: ProblemList): void {
  if (node.definition || node.key === PLACEHOLDER_MODULE || Object.hasOwn(BUILTIN_KINDS, node.key)) return;
  const app = appOf(node.key);
  const siblings = builtinKeys(registry).filter((key) => appOf(key) === app);
  if (siblings.length === 0) return;
  const guess = nearestKey(nameOf(node.key), registry) ?? containing(nameOf(node.key), registry);
  problems.warning({
    code: 'unknown-module',
    pointer: `${node.pointer}/module`,
    message: `${node.key} (module ${node.id}) is not a module of Make's built-in "${app}" app; it runs from mocks like an app module`,
    hint: guess
      ? `did you mean ${guess}? Otherwise replace it in Make and export again`
      : `the "${app}" app has ${siblings.slice(0, 6).join(', ')}${siblings.length > 6 ? ', …' : ''}`,
    moduleId: node.id,
  });
}

/** The built-in whose module name (after the colon) is closest: `BasicFeedr` → `builtin:BasicFeeder`. */
function nearestKey(name: string, registry: ModuleRegistry): string | undefined {
  const keys = builtinKeys(registry);
  const hit = nearest(name, keys.map(nameOf));
  return hit === undefined ? undefined : keys.find((key) => nameOf(key) === hit);
}

/** `builtin:Sleep` → `util:FunctionSleep`: a built-in whose module name contains this one. */
function containing(name: string, registry: ModuleRegistry): string | undefined {
  const wanted = name.toLowerCase();
  if (wanted.length < 4) return undefined;
  return builtinKeys(registry).find((key) => nameOf(key).toLowerCase().includes(wanted));
}

function nameOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function appOf(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}

const keysByRegistry = new WeakMap<ModuleRegistry, string[]>();

function builtinKeys(registry: ModuleRegistry): string[] {
  let keys = keysByRegistry.get(registry);
  if (!keys) {
    keys = registry.all().map((definition) => definition.key);
    keysByRegistry.set(registry, keys);
  }
  return keys;
}

export function checkDefinition(node: DraftNode, problems: ProblemList): void {
  const definition = node.definition;
  if (!definition) return;
  if (!definition.versions.includes(node.version)) {
    problems.warning({
      code: 'unknown-version',
      pointer: `${node.pointer}/version`,
      message: `${node.key} version ${node.version} is not modelled; it runs as version ${definition.versions.join('/')}`,
      hint: 'check the outputs of this module against a real run in Make',
      moduleId: node.id,
    });
  }
  for (const found of safeValidate(node)) {
    problems.error({
      code: 'module-config',
      pointer: `${node.pointer}${found.pointer.startsWith('/') ? '' : '/'}${found.pointer}`,
      message: `${node.key} (module ${node.id}): ${found.message}`,
      hint: found.hint ?? 'set this field on the module in Make and export again',
      moduleId: node.id,
    });
  }
}

/** A module's validate must not be able to crash loading (the brief: never another exception). */
function safeValidate(node: DraftNode): Array<{ pointer: string; message: string; hint?: string }> {
  try {
    return node.definition?.validate?.(node) ?? [];
  } catch (error) {
    return [
      {
        pointer: '',
        message: `its load-time check failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

/**
 * A router whose routes sit in `parameters.routes` instead of `routes` (hand-written blueprints;
 * one in the reference corpus): Make reads only `routes`, so the router has no route and the
 * modules inside are not on the canvas. A warning, since the rest of the blueprint still loads.
 */
export function checkMisplacedRoutes(node: DraftNode, problems: ProblemList): void {
  if (node.kind !== 'router' || Array.isArray(node.raw.routes) || !Array.isArray(node.parameters.routes))
    return;
  problems.warning({
    code: 'misplaced-routes',
    pointer: `${node.pointer}/parameters/routes`,
    message: `router ${node.id} keeps its ${node.parameters.routes.length} route(s) in parameters.routes; Make reads only "routes", so they and their modules are not loaded`,
    hint: 'move the array to the router\'s own "routes" key (beside "parameters"), as Make exports it',
    moduleId: node.id,
  });
}

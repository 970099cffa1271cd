/**
 * What `makesim test --faults` injects: every module that has an error route, failing with each
 * error type in turn, and the directives of its route whose outcome a case should assert.
 */
import type { ModuleNode, Scenario } from '../../engine/blueprint/scenario.ts';
import type { MakeErrorType } from '../../engine/errors/make-error.ts';

/** The error types a route sees by default: the ones real apps raise most (docs/testing.md "Fault injection"). */
export const DEFAULT_FAULT_TYPES: readonly MakeErrorType[] = [
  'DataError',
  'RuntimeError',
  'ConnectionError',
  'RateLimitError',
];

/** Make's five error-handler directives (https://help.make.com/overview-of-error-handling). */
const DIRECTIVES = new Set([
  'builtin:Ignore',
  'builtin:Resume',
  'builtin:Break',
  'builtin:Commit',
  'builtin:Rollback',
]);

export interface FaultTarget {
  node: ModuleNode;
  /** Key of its error route in `record.paths`. */
  routePointer: string;
  /** Directive modules anywhere in its error route. */
  directives: ModuleNode[];
}

/** Modules with an error route; the trigger is left out (its input comes from the case). */
export function faultTargets(scenario: Scenario): FaultTarget[] {
  const trigger = scenario.flow[0];
  return scenario.modules
    .filter((node) => node.onerror.length > 0 && node !== trigger)
    .map((node) => ({
      node,
      routePointer: `${node.pointer}/onerror`,
      directives: directivesIn(node.onerror),
    }));
}

function directivesIn(flow: readonly ModuleNode[]): ModuleNode[] {
  const out: ModuleNode[] = [];
  for (const node of flow) {
    if (DIRECTIVES.has(node.key)) out.push(node);
    for (const route of node.routes) out.push(...directivesIn(route.flow));
    for (const branch of node.branches) out.push(...directivesIn(branch.flow));
    out.push(...directivesIn(node.onerror));
  }
  return out;
}

/** `--fault-types DataError,RateLimitError`: checked against Make's error types. */
export function parseFaultTypes(text: string | undefined, isType: (t: string) => boolean): MakeErrorType[] {
  if (text === undefined) return [...DEFAULT_FAULT_TYPES];
  const types = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = types.filter((t) => !isType(t));
  if (unknown.length > 0) throw new Error(`unknown Make error type(s): ${unknown.join(', ')}`);
  return types as MakeErrorType[];
}

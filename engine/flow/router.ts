/**
 * Router (`builtin:BasicRouter`) — https://help.make.com/router. The bundle goes to every route whose
 * condition (the filter of the route's first module) passes, in order, each finishing before the
 * next starts. Fallback routes run last, and only when no other route passed.
 */
import type { ModuleNode, RouteNode } from '../blueprint/scenario.ts';
import type { Execution } from '../state/execution.ts';
import type { Continuation, Walker } from './walker.ts';

/**
 * settled in docs/fidelity.md ("Ignore and later routes"): an ignored error
 * skips the later routes of the router the failed module sits on, for that bundle, wherever the
 * module is in its route (Workfront Fusion, Make's engine white-labelled: "If the error handler is
 * on a router, subsequent routes from that router are skipped"). Routers further out go on: a
 * real export's error route sets a variable that an outer router's later route responds with.
 */
export const IGNORE_SKIPS_LATER_ROUTES = true;

export async function runRouter(
  ex: Execution,
  node: ModuleNode,
  cont: Continuation | null,
  walker: Walker,
): Promise<void> {
  ex.recorder.arrived(node.id);
  // A router ends its flow, so it never routes two bundles at once: one flag per router suffices.
  const closed = ex.closedRouters;
  closed[node.id] = false;
  let matched = false;
  for (const route of node.routes) {
    if (route.disabled || route.fallback) continue;
    if (await enterRoute(ex, node, route, cont, walker)) matched = true;
    if (ex.stopped || closed[node.id]) return;
  }
  if (matched) return;
  for (const route of node.routes) {
    if (route.disabled || !route.fallback) continue;
    await enterRoute(ex, node, route, cont, walker);
    if (ex.stopped || closed[node.id]) return;
  }
}

/** Returns whether the bundle entered the route (its condition passed). */
async function enterRoute(
  ex: Execution,
  router: ModuleNode,
  route: RouteNode,
  cont: Continuation | null,
  walker: Walker,
): Promise<boolean> {
  const first = route.flow[0];
  const taken = first === undefined || (await walker.gate(ex, first));
  // Routes count from 1, as in the run tree (`makesim run`) and in failure messages.
  ex.trace?.route(router, router.routes.indexOf(route) + 1, taken, route.fallback);
  if (!taken) return false;
  ex.recorder.path(route.pointer);
  if (first) await walker.dispatch(ex, route.flow, 0, cont);
  return true;
}

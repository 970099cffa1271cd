/**
 * Every module of a blueprint's flow — those of router routes and error handlers too
 * (https://developers.make.com/api-documentation/api-reference/scenarios, blueprint `flow`, `routes`,
 * `onerror`) — for the routes that read ids, apps or data store references out of a stored blueprint.
 */
import { isPlainObject } from './params.ts';

export function* flowNodes(flow: unknown): Generator<Record<string, unknown>> {
  if (!Array.isArray(flow)) return;
  for (const node of flow) {
    if (!isPlainObject(node)) continue;
    yield node;
    if (Array.isArray(node.routes))
      for (const route of node.routes) if (isPlainObject(route)) yield* flowNodes(route.flow);
    yield* flowNodes(node.onerror);
  }
}

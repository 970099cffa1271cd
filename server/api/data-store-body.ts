/**
 * Reading the bodies and queries of the data store admin routes
 * (https://developers.make.com/api-documentation/api-reference/data-stores): every bad parameter becomes one
 * suberror of Make's 400 that says what to send instead.
 */
import type { ServerServices } from '../services.ts';
import { validationError } from './errors.ts';
import { arrayParam, bodyObject, type Query, toInt } from './params.ts';

const MAX_NAME = 128;
const BYTES_PER_MB = 1024 * 1024;

export interface StoreBody {
  name?: string;
  datastructureId?: number | null;
  maxBytes?: number;
}

/** The body of a create (every field Make requires) or an update (any of them); a 400 names each bad one. */
export function readStoreBody(
  services: ServerServices,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): StoreBody {
  const problems: string[] = [];
  const out: StoreBody = {};
  const missing = (name: string) =>
    mode === 'create' && problems.push(`Missing value of required parameter '${name}'.`);
  if (body.name === undefined) missing('name');
  else if (typeof body.name !== 'string' || body.name.trim() === '' || body.name.length > MAX_NAME)
    problems.push(`Parameter 'name' must be a non-empty string of at most ${MAX_NAME} characters.`);
  else out.name = body.name;
  if (body.teamId === undefined) missing('teamId');
  else if (!Number.isInteger(body.teamId)) problems.push("Parameter 'teamId' must be an integer.");
  if (body.maxSizeMB === undefined) missing('maxSizeMB');
  else if (typeof body.maxSizeMB !== 'number' || !(body.maxSizeMB >= 1))
    problems.push("Parameter 'maxSizeMB' must be a number of megabytes, at least 1 (Make's minimum).");
  else out.maxBytes = Math.round(body.maxSizeMB * BYTES_PER_MB);
  const structureId = body.datastructureId;
  if (structureId === null || (structureId === undefined && mode === 'create')) out.datastructureId = null;
  else if (structureId !== undefined && !Number.isInteger(structureId))
    problems.push("Parameter 'datastructureId' must be a data structure id (an integer) or null.");
  else if (structureId !== undefined && !services.dataStructures.get(structureId as number))
    problems.push(
      `Parameter 'datastructureId': data structure ${String(structureId)} not found; create it first (POST /data-structures).`,
    );
  else if (structureId !== undefined) out.datastructureId = structureId as number;
  if (problems.length > 0) throw validationError(problems);
  return out;
}

/** A create's body, every field present (readStoreBody has reported any missing one). */
export function requireAll(body: StoreBody): Required<StoreBody> {
  const { name, maxBytes, datastructureId = null } = body;
  if (name === undefined || maxBytes === undefined)
    throw validationError(["Send 'name' and 'maxSizeMB' to create a data store."]);
  return { name, maxBytes, datastructureId };
}

/** Ids to delete: `ids[]` in the query (Make's client), or a body `{ids}` / `{all: true, exceptIds?}`. */
export function idList(services: ServerServices, query: Query, rawBody: unknown): number[] {
  const fromQuery = arrayParam(query, 'ids');
  if (fromQuery.length > 0) return fromQuery.map((value) => toInt('ids[]', value));
  const body = bodyObject(rawBody, true);
  if (body.all === true) {
    const except = Array.isArray(body.exceptIds) ? body.exceptIds : [];
    // "All" means every store the API can delete: the config's stores stay.
    return services.dataStoreDefs
      .list()
      .map((def) => def.id)
      .filter((id) => services.dataStores?.isEditable?.(id) && !except.includes(id));
  }
  if (Array.isArray(body.ids) && body.ids.every(Number.isInteger)) return body.ids as number[];
  return [];
}

/** Whether a scenario's blueprint names the store in a module's `parameters.datastore`. */
export function storeInUse(services: ServerServices, id: number): boolean {
  const uses = (flow: unknown): boolean =>
    Array.isArray(flow) &&
    (flow as Array<Record<string, unknown>>).some((node) => {
      const ref = (node.parameters as Record<string, unknown> | undefined)?.datastore;
      if (ref === id || ref === String(id)) return true;
      const routes = (node.routes as Array<{ flow?: unknown }> | undefined) ?? [];
      return routes.some((route) => uses(route.flow)) || uses(node.onerror);
    });
  return services.scenarios.list().some((scenario) => uses(scenario.blueprint.flow));
}

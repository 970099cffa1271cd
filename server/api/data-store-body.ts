/**
 * What the data store admin routes check beyond their schemas (data-store-schemas.ts,
 * https://developers.make.com/api-documentation/api-reference/data-stores): that a data structure id names
 * one, which ids a delete picks, and whether a scenario uses a store.
 */
import type { ServerServices } from '../services.ts';
import type { DeleteStoresBody, DeleteStoresQuery, StoreFields } from './data-store-schemas.ts';
import { validationError } from './errors.ts';
import { flowNodes } from './flow-nodes.ts';
import { arrayParam, isPlainObject } from './params.ts';

const BYTES_PER_MB = 1024 * 1024;

/** `maxSizeMB` as the store's byte limit. */
export function megabytesToBytes(megabytes: number): number {
  return Math.round(megabytes * BYTES_PER_MB);
}

export interface StoreBody {
  name?: string;
  datastructureId?: number | null;
  maxBytes?: number;
}

/**
 * The fields of a create or an update body as a store definition's; a data structure id that names
 * none is a 400 that says to create it first. A create without `datastructureId` has none (null).
 */
export function readStoreBody(
  services: Pick<ServerServices, 'dataStructures'>,
  body: StoreFields,
  mode: 'create' | 'update',
): StoreBody {
  const out: StoreBody = {};
  if (body.name !== undefined) out.name = body.name;
  if (body.maxSizeMB !== undefined) out.maxBytes = megabytesToBytes(body.maxSizeMB);
  const structureId = body.datastructureId ?? (mode === 'create' ? null : undefined);
  if (typeof structureId === 'number' && !services.dataStructures.get(structureId))
    throw validationError([
      `Parameter 'datastructureId': data structure ${structureId} not found; create it first (POST /data-structures).`,
    ]);
  if (structureId !== undefined) out.datastructureId = structureId;
  return out;
}

/** Ids to delete: `ids[]` in the query (Make's client), or a body `{ids}` / `{all: true, exceptIds?}`. */
export function idList(
  services: Pick<ServerServices, 'dataStores' | 'dataStoreDefs'>,
  query: DeleteStoresQuery,
  body: DeleteStoresBody,
): number[] {
  const fromQuery = arrayParam<'ids', number>(query, 'ids');
  if (fromQuery.length > 0) return fromQuery;
  if (body?.all === true) {
    const except = new Set(body.exceptIds ?? []);
    // "All" means every store the API can delete: the config's stores stay.
    return services.dataStoreDefs
      .list()
      .map((def) => def.id)
      .filter((id) => services.dataStores?.isEditable?.(id) && !except.has(id));
  }
  return body?.ids ?? [];
}

/** Whether a scenario's blueprint names the store in a module's `parameters.datastore`. */
export function storeInUse(services: Pick<ServerServices, 'scenarios'>, id: number): boolean {
  const names = (node: Record<string, unknown>): boolean => {
    const ref = isPlainObject(node.parameters) ? node.parameters.datastore : undefined;
    return ref === id || ref === String(id);
  };
  return services.scenarios.list().some((scenario) => [...flowNodes(scenario.blueprint.flow)].some(names));
}

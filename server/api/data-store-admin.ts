/**
 * Data stores created, changed and deleted over the API
 * (https://developers.make.com/api-documentation/api-reference/data-stores): POST `/data-stores` `{name,
 * teamId, datastructureId?, maxSizeMB}`, PATCH `/data-stores/{id}`, DELETE `/data-stores` (`ids[]` in the
 * query, or body `{ids}` / `{all, exceptIds?}`) and DELETE `/data-stores/{id}`; `confirmed=true` when a
 * scenario uses the store (406 IM004). Definitions are kept in the server database and restored at start; a
 * store's structure comes from its data structure. The config's stores are refused here with a 400 that says
 * to change them in makesim.config.json.
 */
import type { FastifyInstance } from 'fastify';
import { MakeError } from '../../engine/errors/make-error.ts';
import type { DataStoreInfo } from '../../engine/ports/data-store.ts';
import { configuredStoreError } from '../../modules/datastore/store-admin.ts';
import type { ServerServices } from '../services.ts';
import type { DataStoreDef } from '../store/data-store-defs.ts';
import { idList, megabytesToBytes, readStoreBody, storeInUse } from './data-store-body.ts';
import {
  type CreateStoreBody,
  createStoreSchema,
  type DeleteStoresBody,
  type DeleteStoresQuery,
  deleteStoreSchema,
  deleteStoresSchema,
  type StoreFields,
  updateStoreSchema,
} from './data-store-schemas.ts';
import { dataStoreShape, listStores, write } from './data-stores.ts';
import { ApiError, confirmationRequired, notFound, validationError } from './errors.ts';
import type { ConfirmedQuery } from './query-schemas.ts';
import type { IdParams } from './route-schemas.ts';

/** What creating, changing and deleting stores uses. */
type StoreAdminServices = Pick<
  ServerServices,
  'dataStores' | 'dataStoreDefs' | 'dataStructures' | 'scenarios' | 'clock'
>;

/** The structure a data structure id gives a store; `null` = no structure. */
export function structureOf(
  services: Pick<ServerServices, 'dataStructures'>,
  datastructureId: number | null,
): DataStoreInfo['structure'] | null {
  if (datastructureId === null) return null;
  const found = services.dataStructures.get(datastructureId);
  return found ? { strict: found.strict, fields: found.spec } : null;
}

/** Puts the API-created stores back into the engine's port at start; on a clash the config wins. */
export function restoreDataStores(
  services: Pick<ServerServices, 'dataStores' | 'dataStoreDefs' | 'dataStructures'>,
): void {
  const port = services.dataStores;
  if (!port?.create) return;
  for (const def of services.dataStoreDefs.list()) {
    const structure = structureOf(services, def.datastructureId);
    try {
      port.create({
        name: def.name,
        makeId: def.id,
        maxBytes: def.maxBytes,
        ...(structure ? { structure } : {}),
      });
    } catch (error) {
      // A config store now has this name or id: the config's store is the one served.
      if (!(error instanceof MakeError)) throw error;
    }
  }
}

export async function dataStoreAdminRoutes(app: FastifyInstance, options: { services: StoreAdminServices }) {
  const { services } = options;
  const admin = () => {
    const port = services.dataStores;
    if (!port?.create || !port.update || !port.remove || !port.isEditable)
      throw new ApiError(400, 'This server was started without editable data stores; use makesim serve.');
    return { create: port.create.bind(port), update: port.update.bind(port), remove: port.remove.bind(port) };
  };
  const editable = (id: number): DataStoreDef => {
    if (!listStores(services).some((store) => store.id === id)) throw notFound('Data store');
    const def = services.dataStoreDefs.get(id);
    if (def && services.dataStores?.isEditable?.(id)) return def;
    const name = listStores(services).find((store) => store.id === id)?.info.name ?? String(id);
    throw new ApiError(400, configuredStoreError(name).message);
  };
  const shapeOf = (id: number) => {
    const store = listStores(services).find((entry) => entry.id === id);
    if (!store) throw notFound('Data store');
    return dataStoreShape(services, store);
  };

  app.post<{ Body: CreateStoreBody }>('/data-stores', { schema: createStoreSchema }, async (request) => {
    const port = admin();
    const { name, maxSizeMB } = request.body;
    const { datastructureId = null } = readStoreBody(services, request.body, 'create');
    const floor = Math.max(0, ...listStores(services).map((store) => store.id));
    const def: DataStoreDef = {
      id: services.dataStoreDefs.nextId(floor),
      name,
      datastructureId,
      maxBytes: megabytesToBytes(maxSizeMB),
    };
    const structure = structureOf(services, def.datastructureId);
    write(() =>
      port.create({
        name: def.name,
        makeId: def.id,
        maxBytes: def.maxBytes,
        ...(structure ? { structure } : {}),
      }),
    );
    try {
      services.dataStoreDefs.save(def, services.clock.now());
    } catch (error) {
      port.remove(def.id);
      throw error;
    }
    return { dataStore: shapeOf(def.id) };
  });

  app.patch<{ Params: IdParams; Body: StoreFields }>(
    '/data-stores/:id',
    { schema: updateStoreSchema },
    async (request) => {
      const port = admin();
      const current = editable(request.params.id);
      const body = readStoreBody(services, request.body, 'update');
      const next: DataStoreDef = { ...current, ...body };
      const changesStructure = body.datastructureId !== undefined;
      write(() =>
        port.update(current.id, {
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(body.maxBytes === undefined ? {} : { maxBytes: body.maxBytes }),
          ...(changesStructure ? { structure: structureOf(services, next.datastructureId) } : {}),
        }),
      );
      services.dataStoreDefs.save(next, services.clock.now());
      return { dataStore: shapeOf(current.id) };
    },
  );

  const remove = (ids: number[], query: ConfirmedQuery): number[] => {
    const port = admin();
    ids = [...new Set(ids)];
    // Every id is checked before the first delete: a refused request deletes nothing.
    for (const id of ids) editable(id);
    if (!query.confirmed && ids.some((id) => storeInUse(services, id))) throw confirmationRequired();
    for (const id of ids) {
      port.remove(id);
      services.dataStoreDefs.delete(id);
    }
    return ids;
  };

  app.delete<{ Params: IdParams; Querystring: ConfirmedQuery }>(
    '/data-stores/:id',
    { schema: deleteStoreSchema },
    async (request) => {
      const [id] = remove([request.params.id], request.query);
      return { dataStore: id };
    },
  );

  app.delete<{ Querystring: DeleteStoresQuery; Body: DeleteStoresBody }>(
    '/data-stores',
    { schema: deleteStoresSchema },
    async (request) => {
      const ids = idList(services, request.query, request.body);
      if (ids.length === 0)
        throw validationError(["Send 'ids[]' (data store ids) or a body with 'all': true."]);
      return { dataStores: remove(ids, request.query) };
    },
  );
}

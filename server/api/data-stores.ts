/**
 * Data stores and records (https://developers.make.com/api-documentation/api-reference/data-stores): stores
 * come from the project config or are created over the API (data-store-admin.ts); records are listed
 * (`{records, spec, strict, count, pg}`), created (`{key?, data?}`, 12-hex key when absent, every field null
 * without data), replaced (PUT, bare data), merged (PATCH, bare data) and deleted (`confirmed=true`, `{keys}`
 * or `{all: true, exceptKeys?}`). Create/update/replace answer `{key, data}` without an envelope.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DataStoreHandle, DataStoreInfo } from '../../engine/ports/data-store.ts';
import type { ServerServices } from '../services.ts';
import {
  type CreateRecordBody,
  createRecordSchema,
  type DeleteRecordsBody,
  deleteRecordsSchema,
  type ListQuery,
  listRecordsSchema,
  listStoresSchema,
  type RecordParams,
  writeRecordSchema,
} from './data-store-schemas.ts';
import { ApiError, confirmationRequired, notFound, validationError } from './errors.ts';
import { readPage } from './params.ts';
import type { ConfirmedQuery } from './query-schemas.ts';
import type { IdParams } from './route-schemas.ts';
import { LOCAL_IDS } from './shapes.ts';

export interface ListedStore {
  id: number;
  info: DataStoreInfo;
}

/** What listing and showing stores uses: the engine's stores and the API-created definitions. */
export type StoreServices = Pick<ServerServices, 'dataStores' | 'dataStoreDefs'>;

/** Every store with its API id: Make's id (`makeId`), else its position (config stores without one). */
export function listStores(services: Pick<ServerServices, 'dataStores'>): ListedStore[] {
  return (services.dataStores?.list() ?? []).map((info, index) => ({ id: info.makeId ?? index + 1, info }));
}

export function findStore(
  services: Pick<ServerServices, 'dataStores'>,
  id: number,
): ListedStore & { handle: DataStoreHandle } {
  const entry = listStores(services).find((store) => store.id === id);
  if (!entry || !services.dataStores) throw notFound('Data store');
  return { ...entry, handle: services.dataStores.store(entry.info.name) };
}

/**
 * Make's data store object; `size`/`maxSize` are byte counts as strings
 * (https://developers.make.com/api-documentation/api-reference/data-stores).
 */
export function dataStoreShape(services: StoreServices, { id, info }: ListedStore): Record<string, unknown> {
  const handle = services.dataStores?.store(info.name);
  return {
    id,
    name: info.name,
    records: handle?.count() ?? 0,
    size: String(handle?.size() ?? 0),
    maxSize: String(info.maxBytes),
    teamId: LOCAL_IDS.teamId,
    // Config stores carry their structure inline: they have no data structure id.
    datastructureId: services.dataStores?.isEditable?.(id)
      ? (services.dataStoreDefs.get(id)?.datastructureId ?? null)
      : null,
  };
}

export async function dataStoreRoutes(app: FastifyInstance, options: { services: StoreServices }) {
  const { services } = options;
  const find = (params: IdParams) => findStore(services, params.id);

  app.get<{ Querystring: ListQuery }>('/data-stores', { schema: listStoresSchema }, async (request) => {
    const page = readPage(request.query, { offset: 0, limit: 10, sortBy: 'name', sortDir: 'asc' });
    const list = listStores(services).slice(page.offset, page.offset + page.limit);
    return { dataStores: list.map((store) => dataStoreShape(services, store)), pg: page };
  });

  app.get<{ Params: IdParams }>('/data-stores/:id', async (request) => {
    const { id, info } = find(request.params);
    return { dataStore: dataStoreShape(services, { id, info }) };
  });

  app.get<{ Params: IdParams; Querystring: ListQuery }>(
    '/data-stores/:id/data',
    { schema: listRecordsSchema },
    async (request) => {
      const { info, handle } = find(request.params);
      const page = readPage(request.query, { offset: 0, limit: 10, sortBy: 'key', sortDir: 'asc' });
      const all = handle.search({});
      return {
        records: all.slice(page.offset, page.offset + page.limit),
        spec: info.structure?.fields ?? [],
        strict: info.structure?.strict ?? false,
        count: all.length,
        pg: { limit: page.limit, offset: page.offset },
      };
    },
  );

  // `key` and `data` are both optional (https://developers.make.com/api-documentation/api-reference/data-stores):
  // no body at all is a record of nulls.
  app.post<{ Params: IdParams; Body: CreateRecordBody }>(
    '/data-stores/:id/data',
    { schema: createRecordSchema },
    async (request) => {
      const { info, handle } = find(request.params);
      const key = request.body?.key ?? randomBytes(6).toString('hex');
      if (handle.has(key)) throw new ApiError(400, `A record with key '${key}' already exists.`);
      const data = request.body?.data ?? nullRecord(info);
      return write(() => handle.put(key, data));
    },
  );

  app.put<{ Params: RecordParams; Body: Record<string, unknown> }>(
    '/data-stores/:id/data/:key',
    { schema: writeRecordSchema },
    async (request) => {
      const { handle } = find(request.params);
      return write(() => handle.put(request.params.key, request.body));
    },
  );

  app.patch<{ Params: RecordParams; Body: Record<string, unknown> }>(
    '/data-stores/:id/data/:key',
    { schema: writeRecordSchema },
    async (request) => {
      const { handle } = find(request.params);
      const { key } = request.params;
      const current = handle.get(key);
      if (!current) throw notFound('Record');
      return write(() => handle.put(key, { ...current.data, ...request.body }));
    },
  );

  app.delete<{ Params: IdParams; Querystring: ConfirmedQuery; Body: DeleteRecordsBody }>(
    '/data-stores/:id/data',
    { schema: deleteRecordsSchema },
    async (request) => {
      const { handle } = find(request.params);
      if (!request.query.confirmed) throw confirmationRequired();
      const keys = recordsToDelete(request.body, () => handle.search({}).map((record) => record.key));
      return { keys: keys.filter((key) => handle.delete(key)) };
    },
  );
}

/** `{keys}`, or every key but `exceptKeys` with `{all: true}`; a body with neither is a 400. */
function recordsToDelete(body: DeleteRecordsBody, allKeys: () => string[]): string[] {
  if (body.all === true) {
    const except = new Set(body.exceptKeys ?? []);
    return allKeys().filter((key) => !except.has(key));
  }
  if (body.keys) return body.keys;
  throw validationError(["Send 'keys' (an array of record keys) or 'all': true."]);
}
/** A store write; the store's own refusal (structure, storage full → IM003) becomes a 400. */
export function write<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const type = error && typeof error === 'object' && 'type' in error ? String(error.type) : '';
    const message = error instanceof Error ? error.message : String(error);
    if (type === 'OutOfSpaceError') throw new ApiError(400, message, { code: 'IM003' });
    throw new ApiError(400, message);
  }
}

/**
 * A record created without `data`: every field of the store's data structure null ("missing data
 * → fields null", https://developers.make.com/api-documentation/api-reference/data-stores), defaults not
 * applied; `{}` for a store without a structure.
 */
function nullRecord(info: DataStoreInfo): Record<string, unknown> {
  return Object.fromEntries((info.structure?.fields ?? []).map((field) => [field.name, null]));
}

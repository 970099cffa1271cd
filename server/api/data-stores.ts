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
import { ApiError, confirmationRequired, notFound, validationError } from './errors.ts';
import { bodyObject, intParam, isConfirmed, type Query, readPage } from './params.ts';
import { LOCAL_IDS } from './shapes.ts';

export interface ListedStore {
  id: number;
  info: DataStoreInfo;
}

/** Every store with its API id: Make's id (`makeId`), else its position (config stores without one). */
export function listStores(services: ServerServices): ListedStore[] {
  return (services.dataStores?.list() ?? []).map((info, index) => ({ id: info.makeId ?? index + 1, info }));
}

export function findStore(
  services: ServerServices,
  params: unknown,
): ListedStore & { handle: DataStoreHandle } {
  const id = intParam(params, 'id');
  const entry = listStores(services).find((store) => store.id === id);
  if (!entry || !services.dataStores) throw notFound('Data store');
  return { ...entry, handle: services.dataStores.store(entry.info.name) };
}

/**
 * Make's data store object; `size`/`maxSize` are byte counts as strings
 * (https://developers.make.com/api-documentation/api-reference/data-stores).
 */
export function dataStoreShape(services: ServerServices, { id, info }: ListedStore): Record<string, unknown> {
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

export async function dataStoreRoutes(app: FastifyInstance, options: { services: ServerServices }) {
  const { services } = options;
  const find = (params: unknown) => findStore(services, params);

  app.get('/data-stores', async (request) => {
    const page = readPage(request.query as Query, { offset: 0, limit: 10, sortBy: 'name', sortDir: 'asc' });
    const list = listStores(services).slice(page.offset, page.offset + page.limit);
    return { dataStores: list.map((store) => dataStoreShape(services, store)), pg: page };
  });

  app.get('/data-stores/:id', async (request) => {
    const { id, info } = find(request.params);
    return { dataStore: dataStoreShape(services, { id, info }) };
  });

  app.get('/data-stores/:id/data', async (request) => {
    const { info, handle } = find(request.params);
    const page = readPage(request.query as Query, { offset: 0, limit: 10, sortBy: 'key', sortDir: 'asc' });
    const all = handle.search({});
    return {
      records: all.slice(page.offset, page.offset + page.limit),
      spec: info.structure?.fields ?? [],
      strict: info.structure?.strict ?? false,
      count: all.length,
      pg: { limit: page.limit, offset: page.offset },
    };
  });

  app.post('/data-stores/:id/data', async (request) => {
    const { info, handle } = find(request.params);
    // `key` and `data` are both optional
    // (https://developers.make.com/api-documentation/api-reference/data-stores): no body at all is a record
    // of nulls.
    const body = bodyObject(request.body, true);
    const problems: string[] = [];
    if (body.key !== undefined && (typeof body.key !== 'string' || body.key === ''))
      problems.push("Parameter 'key' must be a non-empty string.");
    if (body.data !== undefined && !isPlainObject(body.data))
      problems.push("Parameter 'data' must be an object.");
    if (problems.length > 0) throw validationError(problems);
    const key = typeof body.key === 'string' ? body.key : randomBytes(6).toString('hex');
    if (handle.has(key)) throw new ApiError(400, `A record with key '${key}' already exists.`);
    const data = (body.data as Record<string, unknown> | undefined) ?? nullRecord(info);
    return write(() => handle.put(key, data));
  });

  app.put('/data-stores/:id/data/:key', async (request) => {
    const { handle } = find(request.params);
    const data = bodyObject(request.body);
    return write(() => handle.put((request.params as { key: string }).key, data));
  });

  app.patch('/data-stores/:id/data/:key', async (request) => {
    const { handle } = find(request.params);
    const data = bodyObject(request.body);
    const { key } = request.params as { key: string };
    const current = handle.get(key);
    if (!current) throw notFound('Record');
    return write(() => handle.put(key, { ...current.data, ...data }));
  });

  app.delete('/data-stores/:id/data', async (request) => {
    const { handle } = find(request.params);
    if (!isConfirmed(request.query as Query)) throw confirmationRequired();
    const body = bodyObject(request.body);
    let keys: string[];
    if (body.all === true) {
      const except = Array.isArray(body.exceptKeys) ? body.exceptKeys : [];
      keys = handle
        .search({})
        .map((record) => record.key)
        .filter((key) => !except.includes(key));
    } else if (Array.isArray(body.keys) && body.keys.every((key) => typeof key === 'string')) {
      keys = body.keys as string[];
    } else {
      throw validationError(["Send 'keys' (an array of record keys) or 'all': true."]);
    }
    return { keys: keys.filter((key) => handle.delete(key)) };
  });
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

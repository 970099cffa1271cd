/**
 * Data structures (https://developers.make.com/api-documentation/api-reference/data-structures): list (`{id,
 * name, teamId}` unless `cols[]` asks for more; pg default name asc, 10000), create `{teamId, name, spec,
 * strict?}`, get, PATCH (`spec` replaces the whole list), DELETE (`confirmed=true` when a hook's `udt` or a
 * data store uses it — the users then lose it), clone `{name, targetTeamId?}`. A changed structure applies to
 * the stores that use it from their next write; records already stored are not rewritten.
 */
import type { FastifyInstance } from 'fastify';
import { problemText, specProblems } from '../../modules/datastore/structure-spec.ts';
import type { ServerServices } from '../services.ts';
import type { StoredDataStructure } from '../store/data-structures.ts';
import { structureOf } from './data-store-admin.ts';
import { confirmationRequired, notFound, validationError } from './errors.ts';
import { arrayParam, readPage } from './params.ts';
import {
  type BracketList,
  bracketList,
  type ConfirmedQuery,
  confirmedQuery,
  type PageQuery,
  pageProperties,
} from './query-schemas.ts';
import {
  type CloneDataStructureBody,
  cloneDataStructureSchema,
  createDataStructureSchema,
  type IdParams,
  idParams,
  updateDataStructureSchema,
} from './route-schemas.ts';
import { LOCAL_IDS } from './shapes.ts';

const LIST_COLUMNS = ['id', 'name', 'teamId'];

/** `cols[]=name&cols[]=spec` (or `cols[0]=…`), encoded or raw (https://developers.make.com/api-documentation). */
const colsList = bracketList('cols', { type: 'string' });
type ColsQuery = BracketList<'cols', string>;
const listSchema = {
  querystring: {
    type: 'object',
    properties: { ...pageProperties, teamId: { type: 'integer' } },
    patternProperties: colsList,
  },
} as const;
const getSchema = { params: idParams, querystring: { type: 'object', patternProperties: colsList } } as const;
const deleteSchema = { params: idParams, querystring: confirmedQuery } as const;

/** What the data-structure routes use: the structures, and the stores and hooks that name them. */
type DataStructureServices = Pick<
  ServerServices,
  'dataStructures' | 'dataStores' | 'dataStoreDefs' | 'hooks' | 'clock' | 'db'
>;

export async function dataStructureRoutes(
  app: FastifyInstance,
  options: { services: DataStructureServices },
) {
  const { services } = options;
  const find = (params: IdParams): StoredDataStructure => {
    const found = services.dataStructures.get(params.id);
    if (!found) throw notFound('Data structure');
    return found;
  };

  app.get<{ Querystring: PageQuery & ColsQuery }>(
    '/data-structures',
    { schema: listSchema },
    async (request) => {
      const { query } = request;
      const page = readPage(query, { offset: 0, limit: 10000, sortBy: 'name', sortDir: 'asc' });
      const sorted = services.dataStructures.list().sort(compareBy(page.sortBy, page.sortDir));
      const columns = requestedColumns(query) ?? LIST_COLUMNS;
      return {
        dataStructures: sorted
          .slice(page.offset, page.offset + page.limit)
          .map((s) => pick(shape(s), columns)),
        pg: page,
      };
    },
  );

  app.get<{ Params: IdParams; Querystring: ColsQuery }>(
    '/data-structures/:id',
    { schema: getSchema },
    async (request) => {
      const columns = requestedColumns(request.query);
      const full = shape(find(request.params));
      return { dataStructure: columns ? pick(full, columns) : full };
    },
  );

  app.post<{ Body: StructureBody }>(
    '/data-structures',
    { schema: createDataStructureSchema },
    async (request) => {
      const body = readBody(request.body);
      const created = services.dataStructures.create({
        name: body.name ?? '',
        strict: body.strict ?? false,
        spec: body.spec ?? [],
        now: services.clock.now(),
      });
      return { dataStructure: shape(created) };
    },
  );

  app.patch<{ Params: IdParams; Body: StructureBody }>(
    '/data-structures/:id',
    { schema: updateDataStructureSchema },
    async (request) => {
      const current = find(request.params);
      const patch = readBody(request.body);
      const updated = services.db.transaction(() => {
        const next = services.dataStructures.update(current.id, patch) ?? current;
        for (const def of services.dataStoreDefs.using(current.id))
          if (services.dataStores?.isEditable?.(def.id))
            services.dataStores.update?.(def.id, { structure: structureOf(services, current.id) });
        return next;
      })();
      return { dataStructure: shape(updated) };
    },
  );

  app.delete<{ Params: IdParams; Querystring: ConfirmedQuery }>(
    '/data-structures/:id',
    { schema: deleteSchema },
    async (request) => {
      const { id } = find(request.params);
      const hooks = services.hooks.list().filter((hook) => hook.data.udt === id);
      const stores = services.dataStoreDefs.using(id);
      if (hooks.length + stores.length > 0 && !request.query.confirmed) throw confirmationRequired();
      services.db.transaction(() => {
        for (const hook of hooks) services.hooks.update(hook.id, { data: { ...hook.data, udt: null } });
        for (const def of stores) {
          services.dataStoreDefs.save({ ...def, datastructureId: null }, services.clock.now());
          if (services.dataStores?.isEditable?.(def.id))
            services.dataStores.update?.(def.id, { structure: null });
        }
        services.dataStructures.delete(id);
      })();
      return { dataStructure: id };
    },
  );

  app.post<{ Params: IdParams; Body: CloneDataStructureBody }>(
    '/data-structures/:id/clone',
    { schema: cloneDataStructureSchema },
    async (request) => {
      const source = find(request.params);
      const { body } = request;
      // One local team: a clone always lands in it, whatever `targetTeamId` names.
      const { spec, strict } = source;
      const clone = services.dataStructures.create({
        name: body.name,
        spec,
        strict,
        now: services.clock.now(),
      });
      return { dataStructure: shape(clone) };
    },
  );
}

function shape(structure: StoredDataStructure): Record<string, unknown> {
  const { id, name, strict, spec } = structure;
  return { id, name, teamId: LOCAL_IDS.teamId, strict, spec };
}

function requestedColumns(query: ColsQuery): string[] | undefined {
  const values = arrayParam<'cols', string>(query, 'cols');
  return values.length > 0 ? values : undefined;
}

function pick(full: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.filter((c) => Object.hasOwn(full, c)).map((c) => [c, full[c]]));
}

function compareBy(sortBy: string, dir: 'asc' | 'desc') {
  const sign = dir === 'asc' ? 1 : -1;
  return (a: StoredDataStructure, b: StoredDataStructure): number =>
    sign * (sortBy === 'id' ? a.id - b.id : a.name.localeCompare(b.name) || a.id - b.id);
}

/** A body the route schema let through: name, teamId and strict are typed there (route-schemas.ts). */
interface StructureBody {
  name?: string;
  strict?: boolean;
  spec?: unknown;
}

/** The spec's fields are checked here, each problem naming its path (structure-spec). */
function readBody(body: StructureBody) {
  if (body.spec !== undefined) {
    const problems = specProblems(body.spec).map(problemText);
    if (problems.length > 0) throw validationError(problems);
  }
  return {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.strict === undefined ? {} : { strict: body.strict }),
    ...(body.spec === undefined ? {} : { spec: body.spec as StoredDataStructure['spec'] }),
  };
}

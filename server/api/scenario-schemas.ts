/**
 * Schemas of the scenario routes' queries and of the bodies route-schemas.ts does not hold
 * (https://developers.make.com/api-documentation/api-reference/scenarios; logs:
 * https://developers.make.com/api-documentation/api-reference/scenarios/logs), with the types the handlers
 * read them as.
 */
import { type BracketList, bracketList, integer, type PageQuery, pageProperties } from './query-schemas.ts';
import { idAndParam, idParams } from './route-schemas.ts';

/** `cols[]`: the fields to show. */
const colsList = bracketList('cols', { type: 'string' });
export type ColsQuery = BracketList<'cols', string>;

/**
 * GET /scenarios: `teamId` xor `organizationId` (Make's own 400s, worded by the handler), `id[]`,
 * `isActive`, `type` (Make's OAS: `scenario` or `tool`), `folderId` and `concept` (accepted, change
 * nothing locally), `cols[]`, `pg`.
 */
export const listScenariosSchema = {
  querystring: {
    type: 'object',
    properties: {
      ...pageProperties,
      teamId: integer,
      organizationId: integer,
      folderId: integer,
      isActive: { type: 'boolean' },
      type: { type: 'string', enum: ['scenario', 'tool'] },
    },
    patternProperties: { ...colsList, ...bracketList('id', integer) },
  },
} as const;
export type ListScenariosQuery = PageQuery &
  ColsQuery &
  BracketList<'id', number> & {
    teamId?: number;
    organizationId?: number;
    isActive?: boolean;
    type?: 'scenario' | 'tool';
  };

export const getScenarioSchema = {
  params: idParams,
  querystring: { type: 'object', patternProperties: colsList },
} as const;

/** GET /scenarios/{id}/blueprint: `blueprintId` names a version. */
export const blueprintSchema = {
  params: idParams,
  querystring: { type: 'object', properties: { blueprintId: integer } },
} as const;
export interface BlueprintQuery {
  blueprintId?: number;
}

/** Make's limit on a scenario name. */
const scenarioName = { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' } as const;

/**
 * POST /scenarios/{id}/clone: `name`, `teamId`, `states`, and the id maps (`account`, `key`, `hook`,
 * `device`, `udt`, `datastore`), whose entries clone-id-maps.ts reads. `cols[]`, `confirmed` and
 * `notAnalyze` in the query change nothing here.
 */
export const cloneScenarioSchema = {
  params: idParams,
  querystring: { type: 'object', properties: { organizationId: integer } },
  body: {
    type: 'object',
    properties: {
      name: scenarioName,
      teamId: integer,
      states: { type: 'boolean' },
      account: {},
      key: {},
      hook: {},
      device: {},
      udt: {},
      datastore: {},
    },
    required: ['name', 'teamId'],
  },
} as const;
export interface CloneScenarioBody {
  name: string;
  teamId: number;
  states?: boolean;
  account?: unknown;
  key?: unknown;
  hook?: unknown;
  device?: unknown;
  udt?: unknown;
  datastore?: unknown;
}

/** PATCH /scenarios/{id}/interface: `{interface: {input, output}}`; each field spec is checked by the handler. */
export const interfaceSchema = {
  params: idParams,
  body: {
    type: 'object',
    properties: {
      interface: {
        type: 'object',
        properties: { input: { type: 'array' }, output: { type: ['array', 'null'] } },
        required: ['input'],
      },
    },
    required: ['interface'],
  },
} as const;
export interface InterfaceBody {
  interface: { input: unknown[]; output?: unknown[] | null };
}

/** GET /scenarios/{id}/logs: `status` (1 success, 2 warning, 3 error), `from`/`to` epoch ms, `pg`. */
export const logsSchema = {
  params: idParams,
  querystring: {
    type: 'object',
    properties: { ...pageProperties, status: integer, from: integer, to: integer },
  },
} as const;
export type LogsQuery = PageQuery & { status?: number; from?: number; to?: number };

export const executionParams = idAndParam('executionId', { type: 'string' });
export interface ExecutionParams {
  id: number;
  executionId: string;
}

/** GET /scenarios/{id}/executions/{executionId}: `maxBytes` caps the outputs' size. */
export const executionSchema = {
  params: executionParams,
  querystring: { type: 'object', properties: { maxBytes: { type: 'integer', minimum: 0 } } },
} as const;
export interface ExecutionQuery {
  maxBytes?: number;
}

/** POST …/executions/{executionId}/stop: `force` also aborts an HTTP request or Sleep in flight. */
export const stopExecutionSchema = {
  params: executionParams,
  body: { type: ['object', 'null'], properties: { force: { type: 'boolean' } } },
} as const;
export type StopExecutionBody = { force?: boolean } | null | undefined;

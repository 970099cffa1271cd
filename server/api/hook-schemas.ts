/**
 * Schemas of the hook routes (https://developers.make.com/api-documentation/api-reference/hooks; hook
 * options: https://help.make.com/webhooks) and the types the handlers read them as. What a schema cannot
 * say — an allow-list entry that does not read, a data structure that does not exist, the webhook flags
 * `useDefaults` makes optional — is checked by the handler.
 */
import { idsBody } from './choose-ids.ts';
import {
  type ConfirmedQuery,
  confirmedQuery,
  integer,
  type PageQuery,
  pageProperties,
  pageQuery,
} from './query-schemas.ts';
import { idAndParam, idParams } from './route-schemas.ts';

/** Make's limit on a hook name. */
const hookName = { type: 'string', minLength: 1, maxLength: 128, pattern: '\\S' } as const;

/** GET /hooks filters; `assigned` is `true` or `false`. */
export const listHooksSchema = {
  querystring: {
    type: 'object',
    properties: {
      ...pageProperties,
      teamId: integer,
      typeName: { type: 'string' },
      assigned: { type: 'boolean' },
      viewForScenarioId: integer,
    },
  },
} as const;
export type ListHooksQuery = PageQuery & {
  typeName?: string;
  assigned?: boolean;
  viewForScenarioId?: number;
};

/**
 * POST /hooks: a flat body; `typeName` other than Make's two is IM005 (the handler); the webhook
 * booleans are required unless `useDefaults=requiredOnly`.
 */
export const createHookSchema = {
  querystring: { type: 'object', properties: { useDefaults: { type: 'string' } } },
  body: {
    type: 'object',
    properties: {
      name: hookName,
      teamId: integer,
      typeName: { type: 'string' },
      method: { type: 'boolean' },
      headers: { type: 'boolean' },
      stringify: { type: 'boolean' },
      udt: { type: ['integer', 'null'] },
      ip: { type: ['string', 'null'] },
    },
    required: ['name', 'typeName'],
  },
} as const;
export interface CreateHookQuery {
  useDefaults?: string;
}
export interface CreateHookBody {
  name: string;
  typeName: string;
  method?: boolean;
  headers?: boolean;
  stringify?: boolean;
  udt?: number | null;
  ip?: string | null;
}

/** PATCH /hooks/{id} renames only. */
export const renameHookSchema = {
  params: idParams,
  body: { type: 'object', properties: { name: hookName }, required: ['name'] },
} as const;
export interface RenameHookBody {
  name: string;
}

export const deleteHookSchema = { params: idParams, querystring: confirmedQuery } as const;

export const listIncomingsSchema = { params: idParams, querystring: pageQuery } as const;

export const incomingParams = idAndParam('incomingId', idParams.properties.id);
export interface IncomingParams {
  id: number;
  incomingId: number;
}

export const deleteIncomingsSchema = {
  params: idParams,
  querystring: confirmedQuery,
  body: idsBody(integer),
} as const;
export type DeleteIncomingsQuery = ConfirmedQuery;

/** `/hooks/{id}/logs`: `from`/`to` are epoch ms on `loggedAt`. */
export const listHookLogsSchema = {
  params: idParams,
  querystring: { type: 'object', properties: { ...pageProperties, from: integer, to: integer } },
} as const;
export type ListHookLogsQuery = PageQuery & { from?: number; to?: number };

export const hookLogParams = idAndParam('logId', idParams.properties.id);
export interface HookLogParams {
  id: number;
  logId: number;
}

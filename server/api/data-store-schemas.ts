/**
 * Schemas of the data store routes (https://developers.make.com/api-documentation/api-reference/data-stores)
 * and the types the handlers read them as. What a schema cannot say — a data structure id that names
 * nothing, a delete that picks no record — is checked by the handler (data-store-body.ts).
 */

import {
  type BracketList,
  bracketList,
  type ConfirmedQuery,
  confirmedProperty,
  confirmedQuery,
  integer,
  type PageQuery,
  pageProperties,
  pageQuery,
} from './query-schemas.ts';
import { idAndParam, idParams } from './route-schemas.ts';

/** Make's limit on a data store name. */
const storeName = { type: 'string', minLength: 1, maxLength: 128, pattern: '\\S' } as const;

const storeFields = {
  name: storeName,
  teamId: integer,
  datastructureId: { type: ['integer', 'null'] },
  // Make's smallest data store is 1 MB.
  maxSizeMB: { type: 'number', minimum: 1 },
} as const;

export interface StoreFields {
  name?: string;
  teamId?: number;
  datastructureId?: number | null;
  maxSizeMB?: number;
}

export const listStoresSchema = {
  querystring: { type: 'object', properties: { ...pageProperties, teamId: integer } },
} as const;

export const createStoreSchema = {
  body: { type: 'object', properties: storeFields, required: ['name', 'teamId', 'maxSizeMB'] },
} as const;
export type CreateStoreBody = StoreFields & Required<Pick<StoreFields, 'name' | 'teamId' | 'maxSizeMB'>>;

export const updateStoreSchema = {
  params: idParams,
  body: { type: 'object', properties: storeFields },
} as const;

export const deleteStoreSchema = { params: idParams, querystring: confirmedQuery } as const;

/** `DELETE /data-stores`: `ids[]` in the query (Make's client), or a body `{ids}` / `{all, exceptIds?}`. */
export const deleteStoresSchema = {
  querystring: {
    type: 'object',
    properties: confirmedProperty,
    patternProperties: bracketList('ids', integer),
  },
  body: {
    type: ['object', 'null'],
    properties: {
      ids: { type: 'array', items: integer },
      all: { type: 'boolean' },
      exceptIds: { type: 'array', items: integer },
    },
  },
} as const;
export type DeleteStoresQuery = ConfirmedQuery & BracketList<'ids', number>;
export type DeleteStoresBody = { ids?: number[]; all?: boolean; exceptIds?: number[] } | null | undefined;

export const listRecordsSchema = { params: idParams, querystring: pageQuery } as const;
export type ListQuery = PageQuery;

export const recordParams = idAndParam('key', { type: 'string' });
export interface RecordParams {
  id: number;
  key: string;
}

/** `{key?, data?}`, both optional: no body at all is a record of nulls. */
export const createRecordSchema = {
  params: idParams,
  body: {
    type: ['object', 'null'],
    properties: { key: { type: 'string', minLength: 1 }, data: { type: 'object' } },
  },
} as const;
export type CreateRecordBody = { key?: string; data?: Record<string, unknown> } | null | undefined;

/** PUT and PATCH take the record's data bare. */
export const writeRecordSchema = { params: recordParams, body: { type: 'object' } } as const;

/** `{keys}` or `{all: true, exceptKeys?}`, with `confirmed=true`. */
export const deleteRecordsSchema = {
  params: idParams,
  querystring: confirmedQuery,
  body: {
    type: 'object',
    properties: {
      keys: { type: 'array', items: { type: 'string' } },
      all: { type: 'boolean' },
      exceptKeys: { type: 'array', items: { type: 'string' } },
    },
  },
} as const;
export interface DeleteRecordsBody {
  keys?: string[];
  all?: boolean;
  exceptKeys?: string[];
}

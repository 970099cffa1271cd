/**
 * Schemas of the incomplete-execution routes
 * (https://developers.make.com/api-documentation/api-reference/incomplete-executions) and the types the
 * handlers read them as. Ids are text, with or without dashes.
 */
import { idsBody } from './choose-ids.ts';
import {
  type ConfirmedQuery,
  confirmedProperty,
  integer,
  type PageQuery,
  pageProperties,
  pageQuery,
} from './query-schemas.ts';

const dlqId = { type: 'string', minLength: 1 } as const;

export const dlqParams = { type: 'object', properties: { dlqId }, required: ['dlqId'] } as const;
export interface DlqParams {
  dlqId: string;
}

export const dlqLogParams = {
  type: 'object',
  properties: { dlqId, executionId: { type: 'string' } },
  required: ['dlqId', 'executionId'],
} as const;
export interface DlqLogParams extends DlqParams {
  executionId: string;
}

export const listDlqsSchema = {
  querystring: { type: 'object', properties: { ...pageProperties, scenarioId: integer } },
} as const;
export type ListDlqsQuery = PageQuery & { scenarioId?: number };

export const retryDlqsSchema = {
  querystring: { type: 'object', properties: { scenarioId: integer } },
  body: idsBody(dlqId),
} as const;

export const deleteDlqsSchema = {
  querystring: { type: 'object', properties: { scenarioId: integer, ...confirmedProperty } },
  body: idsBody(dlqId),
} as const;
export type DeleteDlqsQuery = ConfirmedQuery & { scenarioId?: number };

/**
 * PATCH `/dlqs/{id}`: `blueprint` (a JSON-encoded string, read with its content by jsonStringField so
 * one answer names every problem) and `failer` (a module id).
 */
export const editDlqSchema = {
  params: dlqParams,
  body: { type: 'object', properties: { blueprint: {}, failer: integer } },
} as const;
export interface EditDlqBody {
  blueprint?: unknown;
  failer?: number;
}

export const dlqLogsSchema = { params: dlqParams, querystring: pageQuery } as const;

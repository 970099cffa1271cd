/**
 * Schemas of the query parameters the API's lists and deletes share
 * (https://developers.make.com/api-documentation, "Pagination, sorting and filtering"): `pg[...]`,
 * bracket lists (`cols[]=a&cols[]=b` or `cols[0]=a`, encoded or raw — the legacy MCP server,
 * https://github.com/integromat/make-mcp-server, sends them raw) and `confirmed`. Query values arrive as
 * text and are coerced by the schema (validators.ts); each schema's type is written beside it.
 */

export const pageProperties = {
  'pg[offset]': { type: 'integer', minimum: 0 },
  'pg[limit]': { type: 'integer', minimum: 1 },
  'pg[sortBy]': { type: 'string' },
  // Any other direction falls back to the list's default, as before schemas (params.ts readPage).
  'pg[sortDir]': { type: 'string' },
} as const;

export interface PageQuery {
  'pg[offset]'?: number;
  'pg[limit]'?: number;
  'pg[sortBy]'?: string;
  'pg[sortDir]'?: string;
}

export const pageQuery = { type: 'object', properties: pageProperties } as const;

/** `name[]` / `name[0]` keys, each a list of `items` (a lone value is a list of one). */
export function bracketList<N extends string, I extends object>(name: N, items: I) {
  return { [`^${name}\\[\\d*\\]$`]: { type: 'array', items } } as const;
}

/** The keys bracketList matches: `cols[]`, `cols[0]`. */
export type BracketKey<N extends string> = `${N}[${string}]`;
export type BracketList<N extends string, T> = { [K in BracketKey<N>]?: T[] };

/** Deletes of used resources and queue items need `confirmed=true` (406 IM004 otherwise, errors.ts). */
export const confirmedProperty = { confirmed: { type: 'boolean' } } as const;
export interface ConfirmedQuery {
  confirmed?: boolean;
}

export const confirmedQuery = { type: 'object', properties: confirmedProperty } as const;

/** A query integer (`teamId`, `scenarioId`, epoch ms `from`/`to`). */
export const integer = { type: 'integer' } as const;

/**
 * Reading Make's query and body parameters: bracket keys (`pg[limit]`, `id[]`, encoded or raw — the
 * legacy MCP server, https://github.com/integromat/make-mcp-server, sends them raw), integer ids,
 * `confirmed=true`, and JSON-string fields.
 */
import { ApiError, validationError } from './errors.ts';

export type Query = Record<string, string | string[] | undefined>;

export interface Page {
  offset: number;
  limit: number;
  sortBy: string;
  sortDir: 'asc' | 'desc';
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `pg[offset]`, `pg[limit]`, `pg[sortBy]`, `pg[sortDir]` with the endpoint's defaults. */
export function readPage(query: Query, defaults: Page): Page {
  const offset = single(query['pg[offset]']);
  const limit = single(query['pg[limit]']);
  const sortDir = single(query['pg[sortDir]']);
  const page: Page = {
    offset: offset === undefined ? defaults.offset : toInt('pg[offset]', offset),
    limit: limit === undefined ? defaults.limit : toInt('pg[limit]', limit),
    sortBy: single(query['pg[sortBy]']) ?? defaults.sortBy,
    sortDir: sortDir === 'asc' || sortDir === 'desc' ? sortDir : defaults.sortDir,
  };
  if (page.offset < 0 || page.limit < 1) throw validationError(['pg[offset] must be ≥ 0 and pg[limit] ≥ 1.']);
  return page;
}

export function toInt(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new ApiError(400, `Invalid ${name}, not parsable to integer.`);
  return Number(value);
}

export function intParam(params: unknown, name: string): number {
  const value = (params as Record<string, string | undefined>)[name];
  return toInt(name, value ?? '');
}

export function optionalInt(query: Query, name: string): number | undefined {
  const value = single(query[name]);
  return value === undefined || value === '' ? undefined : toInt(name, value);
}

/**
 * A bracket array parameter: `name[]=a&name[]=b` or indexed `name[0]=a`
 * (https://developers.make.com/api-documentation), encoded or raw; empty when absent.
 */
export function arrayParam(query: Query, name: string): string[] {
  return Object.entries(query)
    .filter(([key]) => key.startsWith(name) && /^\[\d*\]$/.test(key.slice(name.length)))
    .flatMap(([, value]) => (Array.isArray(value) ? value : value === undefined ? [] : [value]));
}

export function isConfirmed(query: Query): boolean {
  return single(query.confirmed) === 'true';
}

/** A request body as an object, or a 400 with Make's error body. */
export function bodyObject(body: unknown, optional = false): Record<string, unknown> {
  if ((body === undefined || body === null) && optional) return {};
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new ApiError(400, 'The request body must be a JSON object.');
}

/**
 * A field sent as a JSON-encoded string (`blueprint`, `scheduling` —
 * https://developers.make.com/api-documentation/api-reference/scenarios).
 */
export function jsonStringField(body: Record<string, unknown>, name: string, problems: string[]) {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.push(`Parameter '${name}' must be a JSON-encoded string.`);
    return undefined;
  }
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  problems.push(`Parameter '${name}' is not a valid JSON object.`);
  return undefined;
}

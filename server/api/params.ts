/**
 * Reading Make's query parameters once their schema has typed them (query-schemas.ts): a list's page
 * with the endpoint's defaults, bracket lists, and JSON-string body fields.
 */
import type { BracketKey, BracketList, PageQuery } from './query-schemas.ts';

export interface Page {
  offset: number;
  limit: number;
  sortBy: string;
  sortDir: 'asc' | 'desc';
}

/** `pg[offset]`, `pg[limit]`, `pg[sortBy]`, `pg[sortDir]` with the endpoint's defaults. */
export function readPage(query: PageQuery, defaults: Page): Page {
  const sortDir = query['pg[sortDir]'];
  return {
    offset: query['pg[offset]'] ?? defaults.offset,
    limit: query['pg[limit]'] ?? defaults.limit,
    sortBy: query['pg[sortBy]'] ?? defaults.sortBy,
    sortDir: sortDir === 'asc' || sortDir === 'desc' ? sortDir : defaults.sortDir,
  };
}

/** The log lists' paging: execution logs sort by `imtId` only, newest first unless asked. */
export function readLogPage(query: PageQuery): Page {
  return readPage(query, { offset: 0, limit: 50, sortBy: 'imtId', sortDir: 'desc' });
}

/** The `pg` object of a log list's answer (Make's scenario logs). */
export function logPageShape(page: Page) {
  return { sortBy: 'imtId', sortDir: page.sortDir, showLast: false, limit: page.limit, offset: page.offset };
}

/**
 * A bracket list parameter: `name[]=a&name[]=b` or indexed `name[0]=a`
 * (https://developers.make.com/api-documentation), encoded or raw; empty when absent.
 */
export function arrayParam<N extends string, T>(query: BracketList<N, T>, name: N): T[] {
  const isKey = (key: string): key is BracketKey<N> =>
    key.startsWith(name) && /^\[\d*\]$/.test(key.slice(name.length));
  return Object.keys(query)
    .filter(isKey)
    .flatMap((key) => query[key] ?? []);
}

/**
 * A field sent as a JSON-encoded string (`blueprint`, `scheduling` —
 * https://developers.make.com/api-documentation/api-reference/scenarios); its schema leaves the type
 * to this reader, so one answer lists every problem in Make's words.
 */
export function jsonStringField(
  value: unknown,
  name: string,
  problems: string[],
): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.push(`Parameter '${name}' must be a JSON-encoded string.`);
    return undefined;
  }
  const parsed = parseJson(value);
  if (isPlainObject(parsed)) return parsed;
  problems.push(`Parameter '${name}' is not a valid JSON object.`);
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

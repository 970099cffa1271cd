/**
 * How one webhook request becomes the Custom webhook's bundle (https://help.make.com/webhooks). PURE: shared
 * by the server and `makesim run`. Body by content type (JSON object → its keys; urlencoded and
 * multipart forms → keys, repeated names → arrays in order; anything else → `{ value: text }`),
 * then the query string merged over it (the query wins on a clash), then `__IMTHEADERS__` /
 * `__IMTMETHOD__` when the hook asks for them.
 */
import { parseJsonText } from '../../engine/errors/json-syntax.ts';
import { dataError } from '../../engine/errors/make-error.ts';
import type { Bundle } from '../../engine/registry/define-module.ts';
import { boundaryOf, type MultipartValue, parseMultipart } from './multipart.ts';

export type HeaderInput =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | ReadonlyArray<readonly [string, string]>;

export interface WebhookRequest {
  method: string;
  headers?: HeaderInput;
  /** Raw query string (with or without `?`) or already-split values. */
  query?: string | Readonly<Record<string, string | readonly string[]>>;
  body?: string | Buffer;
  /** Overrides the `content-type` header. */
  contentType?: string;
}

/** The hook's data flags (REST `hook.data`: headers, method, stringify). */
export interface HookOptions {
  headers?: boolean;
  method?: boolean;
  /** "JSON pass-through": a JSON body is not parsed. */
  stringify?: boolean;
}

/**
 * Field name for an unparsed body: measured against Make's gateway for text/plain; for JSON pass-through and
 * for JSON bodies that are not objects (arrays, scalars) it is our choice (docs/fidelity.md).
 */
export const RAW_BODY_KEY = 'value';

export function headerPairs(headers: HeaderInput | undefined): Array<{ name: string; value: string }> {
  if (!headers) return [];
  const entries: Array<readonly [string, unknown]> = Array.isArray(headers)
    ? headers
    : Object.entries(headers);
  const out: Array<{ name: string; value: string }> = [];
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value])
      out.push({ name: name.toLowerCase(), value: String(one) });
  }
  return out;
}

export function requestToBundle(request: WebhookRequest, hook: HookOptions = {}): Bundle {
  // The header list is built only when something reads it (the server passes the content type).
  const headers = request.contentType === undefined || hook.headers ? headerPairs(request.headers) : [];
  const contentType = request.contentType ?? headers.find((h) => h.name === 'content-type')?.value ?? '';
  // bodyFields returns a new object of its own: the bundle is it, not a copy of it.
  const bundle = bodyFields(request.body, contentType, hook.stringify === true);
  for (const [name, value] of Object.entries(queryFields(request.query))) setField(bundle, name, value);
  if (hook.headers) bundle.__IMTHEADERS__ = headers;
  if (hook.method) bundle.__IMTMETHOD__ = request.method.toUpperCase();
  return bundle;
}

function bodyFields(body: string | Buffer | undefined, contentType: string, stringify: boolean): Bundle {
  if (body === undefined || body.length === 0) return {};
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') return grouped(new URLSearchParams(textOf(body)));
  if (type === 'multipart/form-data') {
    const boundary = boundaryOf(contentType);
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return boundary ? grouped(parseMultipart(buffer, boundary)) : { [RAW_BODY_KEY]: textOf(body) };
  }
  if (isJson(type) && !stringify) return jsonFields(textOf(body));
  return { [RAW_BODY_KEY]: textOf(body) };
}

function textOf(body: string | Buffer): string {
  return typeof body === 'string' ? body : body.toString('utf8');
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * Deepest nesting of arrays and objects a hook's JSON body may have. Make's limit is not
 * documented; deeper bodies are refused (`400 Bad Request.`) before anything is queued, since every
 * later step (the run, its record, the API) walks the value and 100,000 levels overflow the stack
 * (docs/fidelity.md).
 */
export const MAX_JSON_DEPTH = 1_000;

/** Whether the JSON text nests deeper than `limit`: one pass over the text, no recursion. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/** A hook's JSON body, or a DataError naming the line and column where it breaks. */
export function parseJsonBody(text: string, hook: 'webhook' | 'mailhook'): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw dataError(`The ${hook} body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`, {
      code: 'json-too-deep',
      hint: `Send at most ${MAX_JSON_DEPTH} levels, or turn on JSON pass-through to receive the text.`,
    });
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  const { line, column, offset, message } = parsed.problem;
  throw dataError(`The ${hook} body is not valid JSON: ${message}.`, {
    code: 'invalid-json-body',
    line,
    column,
    position: offset,
  });
}

function jsonFields(text: string): Bundle {
  const value = parseJsonBody(text, 'webhook');
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { ...(value as Bundle) };
  return { [RAW_BODY_KEY]: value };
}

/**
 * Repeated names become arrays, order kept (measured against Make's gateway: `box=a&box=b` → `box:
 * ["a","b"]`).
 */
function grouped(entries: Iterable<[string, MultipartValue]>): Bundle {
  const values = new Map<string, MultipartValue[]>();
  // Appended in place: copying the list on each repeat made `a=1&a=1&…` quadratic (100k pairs: minutes).
  for (const [name, value] of entries) {
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return Object.fromEntries([...values].map(([name, list]) => [name, list.length === 1 ? list[0] : list]));
}

/** Own data property even for `__proto__` (a field name from the outside must never touch the prototype). */
function setField(target: Bundle, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function queryFields(query: WebhookRequest['query']): Bundle {
  if (query === undefined) return {};
  if (typeof query === 'string')
    return grouped(new URLSearchParams(query.startsWith('?') ? query.slice(1) : query));
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? [...value] : value]),
  );
}

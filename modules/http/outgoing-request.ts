/**
 * The one request shape every HTTP module builds from its mapper, and the helpers that read
 * mapper fields (https://apps.make.com/http; https://apps.make.com/http). Sending lives in send-request.ts.
 */
import type { FormData } from 'undici';
import { dataError } from '../../engine/errors/make-error.ts';

export type RequestBody = string | Buffer | FormData | undefined;

export interface OutgoingRequest {
  url: URL;
  method: string;
  /** Name/value pairs in mapper order; repeated names are sent repeated. */
  headers: Array<[string, string]>;
  body: RequestBody;
  timeoutMs: number;
  /** Follow 3xx answers to GET/HEAD requests. */
  followRedirect: boolean;
  /** Follow 3xx answers to any method (request-library semantics of Make's v3 module). */
  followAllRedirects: boolean;
  /** Ask for and decode gzip/deflate/br content. */
  gzip: boolean;
  rejectUnauthorized: boolean;
  ca: string | undefined;
  shareCookies: boolean;
}

/**
 * Default timeout when the mapper leaves it empty (docs/fidelity.md, "Default HTTP timeout"): the
 * field help says 300 s, Fusion's docs and https://help.make.com/types-of-errors say modules wait
 * 40 s. We use 40 s.
 */
export const DEFAULT_TIMEOUT_SECONDS = 40;
/** The field's own bounds (metadata.expect: `uinteger`, min 1, max 300). */
const MAX_TIMEOUT_SECONDS = 300;

export function timeoutMs(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
    throw dataError(
      `Timeout must be a number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}, got ${String(value)}.`,
      {
        field: 'timeout',
      },
    );
  }
  return seconds * 1000;
}

/** Make's checkboxes arrive as booleans, sometimes as "true"/"false" strings. */
export function flag(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  return Boolean(value);
}

export function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `[{name, value}]` (or `{key, value}`) lists, skipping rows without a name. */
export function pairs(value: unknown, nameKey: 'name' | 'key' = 'name'): Array<[string, string]> {
  if (!Array.isArray(value)) return [];
  const out: Array<[string, string]> = [];
  for (const row of value) {
    if (!row || typeof row !== 'object') continue;
    const record = row as Record<string, unknown>;
    const name = text(record[nameKey]);
    if (name !== '') out.push([name, text(record.value)]);
  }
  return out;
}

export function parseUrl(value: unknown, serialize: boolean): URL {
  const raw = text(value).trim();
  try {
    return new URL(serialize ? encodeURI(raw) : raw);
  } catch {
    throw dataError(`URL "${raw}" is not a valid absolute URL (it must start with http:// or https://).`, {
      field: 'url',
    });
  }
}

export function method(value: unknown): string {
  const m = text(value).trim().toUpperCase() || 'GET';
  if (!['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(m)) {
    throw dataError(`Method "${m}" is not one of get, head, post, put, patch, delete, options.`, {
      field: 'method',
    });
  }
  return m;
}

export function hasHeader(headers: Array<[string, string]>, name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some(([n]) => n.toLowerCase() === lower);
}

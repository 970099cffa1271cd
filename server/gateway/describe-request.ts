/**
 * The request description the webhook trigger converts (modules/gateway/request-to-bundle.ts):
 * method, headers, query, raw body and content type, exactly as received.
 */
import type { FastifyRequest } from 'fastify';
import type { RequestDescription } from '../queue/queue.ts';

/** `hook`: the hook's flags, for a webhook (a mailhook's request has none). */
export function describeRequest(
  request: FastifyRequest,
  hook?: RequestDescription['hook'],
): RequestDescription {
  // for…in over own keys, not Object.entries: no [name, value] pair is built per header.
  const headers: Record<string, string | string[]> = {};
  const given = request.headers;
  for (const name in given) {
    const value = given[name];
    if (value !== undefined && Object.hasOwn(given, name)) headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  const asked = (request.query ?? {}) as Record<string, unknown>;
  for (const name in asked) {
    const value = asked[name];
    if ((typeof value === 'string' || Array.isArray(value)) && Object.hasOwn(asked, name))
      query[name] = value as string | string[];
  }
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const contentType = request.headers['content-type'];
  const description: RequestDescription = {
    method: request.method,
    headers,
    query,
    body: isBinary(contentType) ? body : body.toString('utf8'),
    contentType,
  };
  // Added here rather than spread into a copy by the caller: a copy per request cost more.
  if (hook) description.hook = hook;
  return description;
}

/** The last content type asked about and its answer: a hook's callers mostly send one type. */
let lastType: string | undefined;
let lastBinary = false;

/** Multipart and other binary payloads stay bytes; text-like payloads become strings. */
function isBinary(contentType: string | undefined): boolean {
  if (contentType !== lastType) {
    lastBinary = binaryType(contentType);
    lastType = contentType;
  }
  return lastBinary;
}

function binaryType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.startsWith('text/') || type === 'application/x-www-form-urlencoded') return false;
  if (type.includes('json') || type.includes('xml')) return false;
  return true;
}

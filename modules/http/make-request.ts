/**
 * HTTP > Make a request (v4), https://apps.make.com/http ("HTTP v4"); field names from real exports'
 * metadata.expect: url, method, headers, queryParameters, contentType, inputMethod,
 * jsonStringBodyContent, urlEncodedBodyContent, parseResponse, stopOnHttpError, timeout,
 * allowRedirects, shareCookies, requestCompressedContent. parameters.authenticationType picks the auth.
 */
import { dataError } from '../../engine/errors/make-error.ts';
import {
  type Bundle,
  defineModule,
  type ModuleCall,
  type ModuleContext,
} from '../../engine/registry/define-module.ts';
import { type AuthKind, applyAuth, resolveConnection } from './connections.ts';
import { buildV4Body } from './make-request-body.ts';
import { flag, method, type OutgoingRequest, pairs, parseUrl, text, timeoutMs } from './outgoing-request.ts';
import { withContentType } from './request-body.ts';
import { finish, send } from './run-v3.ts';
import { V3_OUTPUT_FIELDS } from './v3-fields.ts';

export const AUTH_TYPES: Readonly<Record<string, AuthKind | null>> = {
  '': null,
  noAuth: null,
  apiKey: 'apiKey',
  basicAuth: 'basic',
  oAuth: 'oauth',
  oauth: 'oauth',
};

export function buildV4Request(input: Record<string, unknown>): OutgoingRequest {
  const url = parseUrl(input.url, false);
  for (const [name, value] of pairs(input.queryParameters)) url.searchParams.append(name, value);
  const built = buildV4Body(input);
  const redirects = flag(input.allowRedirects, true);
  return {
    url,
    method: method(input.method),
    headers: withContentType(pairs(input.headers), built),
    body: built.body,
    timeoutMs: timeoutMs(input.timeout),
    followRedirect: redirects,
    followAllRedirects: redirects,
    gzip: flag(input.requestCompressedContent, true),
    rejectUnauthorized: true,
    ca: undefined,
    shareCookies: flag(input.shareCookies, false),
  };
}

async function run(call: ModuleCall, ctx: ModuleContext): Promise<Bundle[]> {
  const type = text(call.parameters.authenticationType);
  const auth = AUTH_TYPES[type];
  if (auth === undefined) {
    throw dataError(`Authentication type "${type}" is not noAuth, apiKey, basicAuth or oAuth.`, {
      field: 'authenticationType',
    });
  }
  const req = buildV4Request(call.input);
  if (auth) applyAuth(auth, resolveConnection(call.node, ctx.http), req.url, req.headers);
  const res = await send(req, ctx);
  return [finish(res, flag(call.input.parseResponse, true), flag(call.input.stopOnHttpError, true))];
}

export default defineModule({
  key: 'http:MakeRequest',
  versions: [4],
  kind: 'action',
  label: 'HTTP > Make a request (v4)',
  description: 'Sends an HTTP request; credentials for apiKey/basicAuth/oAuth come from config connections.',
  fidelity: 'partial',
  fidelityNotes:
    'Pagination is not implemented. Field names for data-structure, multipart and custom bodies are guessed ' +
    '(modules/http/make-request-body.ts). Same output, timeout and status mapping as v3.',
  parameters: [
    {
      name: 'authenticationType',
      type: 'select',
      default: 'noAuth',
      description: 'noAuth, apiKey, basicAuth or oAuth.',
    },
    {
      name: 'apiKeyKeychain',
      type: 'keychain',
      description: 'Connection id for apiKey (config connections).',
    },
    { name: 'tlsType', type: 'select', description: 'Accepted; TLS options are not modelled.' },
  ],
  mapper: [
    { name: 'url', type: 'url', required: true, description: 'Request URL.' },
    {
      name: 'method',
      type: 'select',
      required: true,
      description: 'get, head, post, put, patch, delete, options.',
    },
    { name: 'headers', type: 'array of {name, value}', description: 'Request headers.' },
    {
      name: 'queryParameters',
      type: 'array of {name, value}',
      description: 'Query parameters (repeated names repeat).',
    },
    { name: 'contentType', type: 'select', description: 'json, multipart, urlEncoded or custom.' },
    { name: 'inputMethod', type: 'select', description: 'jsonString or dataStructure.' },
    { name: 'jsonStringBodyContent', type: 'text', description: 'JSON body; must be valid JSON.' },
    {
      name: 'urlEncodedBodyContent',
      type: 'array of {name, value}',
      description: 'URL-encoded form fields.',
    },
    { name: 'parseResponse', type: 'boolean', default: true, description: 'Parse JSON and XML responses.' },
    {
      name: 'stopOnHttpError',
      type: 'boolean',
      default: true,
      description: 'Return an error when the status is ≥ 400.',
    },
    { name: 'timeout', type: 'uinteger', default: 40, description: 'Seconds (1–300).' },
    { name: 'allowRedirects', type: 'boolean', default: true, description: 'Follow redirects (any method).' },
    {
      name: 'shareCookies',
      type: 'boolean',
      default: false,
      description: 'Share cookies with other HTTP modules.',
    },
    {
      name: 'requestCompressedContent',
      type: 'boolean',
      default: true,
      description: 'Request and decode compressed content.',
    },
  ],
  outputFields: V3_OUTPUT_FIELDS,
  output: '`{statusCode, headers: [{name, value}], cookieHeaders, data}`.',
  run,
});

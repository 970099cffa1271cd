/**
 * One call of a v3 HTTP module ("Make a request" and its auth variants; https://apps.make.com/http):
 * mapper → OutgoingRequest → send → output bundle, or a MakeError.
 */
import type { Bundle, ModuleCall, ModuleContext } from '../../engine/registry/define-module.ts';
import { type AuthKind, applyAuth, resolveConnection } from './connections.ts';
import { jarFor } from './cookie-jar.ts';
import { flag, method, type OutgoingRequest, pairs, parseUrl, text, timeoutMs } from './outgoing-request.ts';
import { appendQuery } from './query-string.ts';
import { buildBody, withContentType } from './request-body.ts';
import { assertStatus, responseBundle } from './response.ts';
import { type RawResponse, sendRequest } from './send-request.ts';

export function buildV3Request(input: Record<string, unknown>): OutgoingRequest {
  const url = parseUrl(input.url, flag(input.serializeUrl, false));
  appendQuery(url, pairs(input.qs), flag(input.useQuerystring, false));
  const built = buildBody(input);
  const headers = withContentType(pairs(input.headers), built);
  const user = text(input.authUser);
  const pass = text(input.authPass);
  if (user !== '' || pass !== '') {
    headers.push(['authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`]);
  }
  return {
    url,
    method: method(input.method),
    headers,
    body: built.body,
    timeoutMs: timeoutMs(input.timeout),
    followRedirect: flag(input.followRedirect, true),
    followAllRedirects: flag(input.followAllRedirects, false),
    gzip: flag(input.gzip, true),
    rejectUnauthorized: flag(input.rejectUnauthorized, true),
    ca: text(input.ca) || undefined,
    shareCookies: flag(input.shareCookies, false),
  };
}

export async function send(req: OutgoingRequest, ctx: ModuleContext): Promise<RawResponse> {
  return sendRequest(req, {
    http: ctx.http,
    signal: ctx.signal,
    jar: req.shareCookies ? jarFor(ctx.variables) : undefined,
  });
}

/** Shapes the answer; with `handleErrors` a status ≥ 400 fails (an unparsable error body stays text). */
export function finish(res: RawResponse, parse: boolean, handleErrors: boolean): Bundle {
  if (handleErrors && res.statusCode >= 400) {
    const bundle = responseBundle(res, false);
    assertStatus(res, bundle);
  }
  return responseBundle(res, parse);
}

export async function runV3(call: ModuleCall, ctx: ModuleContext, auth?: AuthKind): Promise<Bundle[]> {
  const req = buildV3Request(call.input);
  if (auth) applyAuth(auth, resolveConnection(call.node, ctx.http), req.url, req.headers);
  const res = await send(req, ctx);
  return [finish(res, flag(call.input.parseResponse, false), flag(call.parameters.handleErrors, false))];
}

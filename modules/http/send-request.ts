/**
 * Sends one OutgoingRequest with undici (https://apps.make.com/http): network policy on every
 * hop, redirects as Make's request-library based v3 module follows them, the module timeout,
 * compressed content, shared cookies. Returns the raw answer; response.ts shapes the bundle.
 */
import type { Agent, Dispatcher } from 'undici';
import { MakeError } from '../../engine/errors/make-error.ts';
import { SetupError } from '../../engine/errors/setup-error.ts';
import type { HttpPort } from '../../engine/ports/http.ts';
import { undici } from '../lazy-libraries.ts';
import type { CookieJar } from './cookie-jar.ts';
import { decodeBody } from './decode-body.ts';
import { assertHostAllowed } from './network-policy.ts';
import type { OutgoingRequest } from './outgoing-request.ts';
import { connectionSecrets, isSecretParameter, redactText } from './redact.ts';
import { connectionError, timeoutError } from './transport-errors.ts';

export interface RawResponse {
  statusCode: number;
  /** Response headers in arrival order, names lower-case. */
  headers: Array<{ name: string; value: string }>;
  cookieHeaders: string[];
  body: Buffer;
  contentType: string;
  /** The final URL after redirects. */
  url: URL;
  /** Credentials this request carried, for redacting messages built from the answer. */
  secrets: readonly string[];
}

export interface SendOptions {
  http: HttpPort;
  signal: AbortSignal;
  jar: CookieJar | undefined;
}

/** The request library's `maxRedirects` default. */
const MAX_REDIRECTS = 10;

export async function sendRequest(req: OutgoingRequest, options: SendOptions): Promise<RawResponse> {
  // One controller for both the module timeout and the run's signal; the listener is removed
  // afterwards so a run with many requests does not pile listeners on its signal.
  const controller = new AbortController();
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onAbort = () => controller.abort(options.signal.reason);
  if (options.signal.aborted) onAbort();
  else options.signal.addEventListener('abort', onAbort, { once: true });
  const signal = controller.signal;
  const secrets = secretsOfRequest(req, options.http);
  let current = req;
  try {
    for (let hop = 0; ; hop++) {
      const response = { ...(await sendOnce(current, options, signal)), secrets };
      const next = redirectTarget(current, response);
      if (!next) return response;
      if (hop >= MAX_REDIRECTS) {
        throw new MakeError(
          'RuntimeError',
          `More than ${MAX_REDIRECTS} redirects starting at ${req.url.href}.`,
          {
            code: 'too-many-redirects',
          },
        );
      }
      current = next;
    }
  } catch (error) {
    if (error instanceof SetupError) {
      // A setup error names the URL so the test can answer it; its query secrets stay out.
      error.message = redactText(error.message, secrets);
      throw error;
    }
    if (error instanceof MakeError) throw redactError(error, secrets);
    if (timedOut && !options.signal.aborted) throw timeoutError(current.url, req.timeoutMs);
    if (options.signal.aborted) throw options.signal.reason ?? error;
    throw redactError(connectionError(current.url, error), secrets);
  } finally {
    clearTimeout(timeout);
    options.signal.removeEventListener('abort', onAbort);
  }
}

/** The error with its message redacted (URLs with `?api_key=…`, connection credentials). */
function redactError(error: MakeError, secrets: readonly string[]): MakeError {
  const message = redactText(error.message, secrets);
  return message === error.message
    ? error
    : new MakeError(error.type, message, error.details && { ...error.details });
}

/** Configured connections' credentials plus what this request itself sends as credentials. */
function secretsOfRequest(req: OutgoingRequest, http: HttpPort): string[] {
  const own = req.headers
    .filter(([name]) => name.toLowerCase() === 'authorization' || isSecretParameter(name))
    .flatMap(([, value]) => [value, value.replace(/^\S+\s+/, '')]);
  const query = [...req.url.searchParams]
    .filter(([name]) => isSecretParameter(name))
    .map(([, value]) => value);
  return [...connectionSecrets(http), ...own, ...query];
}

async function sendOnce(
  req: OutgoingRequest,
  options: SendOptions,
  signal: AbortSignal,
): Promise<Omit<RawResponse, 'secrets'>> {
  assertHostAllowed(req.url, options.http, req.method);
  const headers = [...req.headers];
  const cookie = req.shareCookies ? options.jar?.header(req.url) : undefined;
  if (cookie) headers.push(['cookie', cookie]);
  if (req.gzip) headers.push(['accept-encoding', 'gzip, deflate, br']);
  const response = await undici().request(req.url, {
    method: req.method as Dispatcher.HttpMethod,
    headers: headers.flat(),
    body: req.body ?? null,
    signal,
    dispatcher: dispatcherFor(req, options.http),
  });
  const bytes = Buffer.from(await response.body.arrayBuffer());
  const list = headerList(response.headers);
  const cookieHeaders = list.filter((h) => h.name === 'set-cookie').map((h) => h.value);
  if (req.shareCookies) options.jar?.store(req.url, cookieHeaders);
  const encoding = response.headers['content-encoding'];
  return {
    statusCode: response.statusCode,
    headers: list,
    cookieHeaders,
    body: req.gzip ? decodeBody(bytes, typeof encoding === 'string' ? encoding : '') : bytes,
    contentType: String(response.headers['content-type'] ?? ''),
    url: req.url,
  };
}

function headerList(
  headers: Record<string, string | string[] | undefined>,
): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value])
      out.push({ name: name.toLowerCase(), value: one });
  }
  return out;
}

/** request-library rules: followRedirect covers GET/HEAD; followAllRedirects any method (303 and 301/302 become GET). */
function redirectTarget(req: OutgoingRequest, res: RawResponse): OutgoingRequest | undefined {
  if (![301, 302, 303, 307, 308].includes(res.statusCode)) return undefined;
  const location = res.headers.find((h) => h.name === 'location')?.value;
  if (!location) return undefined;
  const safe = req.method === 'GET' || req.method === 'HEAD';
  if (!(safe ? req.followRedirect || req.followAllRedirects : req.followAllRedirects)) return undefined;
  const url = new URL(location, req.url);
  const toGet = !safe && res.statusCode !== 307 && res.statusCode !== 308;
  const sameHost = url.host === req.url.host;
  const headers = req.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    if (!sameHost && lower === 'authorization') return false;
    return !(toGet && (lower === 'content-type' || lower === 'content-length'));
  });
  return { ...req, url, headers, method: toGet ? 'GET' : req.method, body: toGet ? undefined : req.body };
}

const agents = new Map<string, Agent>();

/** The port's dispatcher wins (tests, MockAgent); TLS options need an agent of their own. */
function dispatcherFor(req: OutgoingRequest, port: HttpPort): Dispatcher | undefined {
  if (port.dispatcher) return port.dispatcher;
  if (req.rejectUnauthorized && !req.ca) return undefined;
  const key = `${req.rejectUnauthorized}:${req.ca ?? ''}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new (undici().Agent)({
      connect: { rejectUnauthorized: req.rejectUnauthorized, ...(req.ca ? { ca: req.ca } : {}) },
    });
    agents.set(key, agent);
  }
  return agent;
}

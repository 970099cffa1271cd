/**
 * HTTP mocks for the HTTP modules: an undici MockAgent that answers the case's stubs, records
 * what was sent, and refuses every other host (loopback and `--allow-net` hosts stay reachable).
 * A request no stub answers is a setup error (unanswered.ts), never a ConnectionError.
 */
import type { Dispatcher, MockAgent } from 'undici';
import { undici } from '../modules/lazy-libraries.ts';
import type { SentRequest } from './expectations/check-context.ts';
import type { HttpMock } from './types.ts';
import { reportUnanswered } from './unanswered.ts';

export interface HttpMockSet {
  /** The MockAgent, made on first use. */
  readonly agent: MockAgent;
  /** The dispatcher to give the run: the agent, with unanswered requests turned into setup errors. */
  readonly dispatcher: Dispatcher;
  readonly sent: SentRequest[];
  /** Closes the agent, if it was made. */
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;

/**
 * The case's mocks. The agent (and its connection pool) is made when the run sends its first
 * request: most cases send none, and making it cost more than some whole runs (issue 14 §4).
 */
export function createHttpMocks(
  mocks: readonly HttpMock[],
  allowNet: true | readonly string[] = [],
): HttpMockSet {
  const sent: SentRequest[] = [];
  let made: { agent: MockAgent; dispatcher: Dispatcher } | undefined;
  const make = () => {
    made ??= makeAgent(mocks, allowNet, sent);
    return made;
  };
  return {
    get agent() {
      return make().agent;
    },
    dispatcher: dispatcherOnFirstUse(() => make().dispatcher),
    sent,
    close: async () => {
      await made?.agent.close();
    },
  };
}

/**
 * Forwards to the dispatcher `make` returns, made on the first request. undici's request API
 * calls only `dispatch` on the dispatcher it is given (send-request.ts uses no other), and a
 * plain object leaves undici itself unloaded until a case sends a request: loading it cost a
 * worker thread's start ~0.3 s (issue 14 §4).
 */
function dispatcherOnFirstUse(make: () => Dispatcher): Dispatcher {
  const forward: Pick<Dispatcher, 'dispatch'> = {
    dispatch: (options, handler) => make().dispatch(options, handler),
  };
  return forward as Dispatcher;
}

function makeAgent(
  mocks: readonly HttpMock[],
  allowNet: true | readonly string[],
  sent: SentRequest[],
): { agent: MockAgent; dispatcher: Dispatcher } {
  const agent = new (undici().MockAgent)();
  agent.disableNetConnect();
  agent.enableNetConnect(LOOPBACK);
  if (allowNet === true) agent.enableNetConnect();
  else for (const host of allowNet) agent.enableNetConnect((h: string) => h.split(':')[0] === host);
  // One pool for every stub: MockAgent tries only the first pool whose origin matcher accepts a
  // request, so a pool per stub would hide every later stub on an origin an earlier one accepts.
  const origin = { current: '' };
  const pool = agent.get((o: string) => {
    origin.current = o;
    return true;
  });
  for (const mock of mocks) addMock(pool, origin, mock, sent);
  return { agent, dispatcher: reportUnanswered(agent) };
}

function addMock(
  pool: ReturnType<MockAgent['get']>,
  origin: { current: string },
  mock: HttpMock,
  sent: SentRequest[],
): void {
  const matchUrl = urlMatcher(mock.url);
  const method = mock.method?.toUpperCase();
  const interceptor = pool
    .intercept({
      path: (path: string) => matchUrl.origin(origin.current) && matchUrl.path(path),
      method: (m: string) => method === undefined || m.toUpperCase() === method,
    })
    .reply((opts) => {
      sent.push({
        method: opts.method,
        url: `${String(opts.origin)}${opts.path}`,
        headers: headersOf(opts.headers),
        body: bodyOf(opts.body),
      });
      const body = mock.response.body;
      const text = typeof body === 'string' || body === undefined ? (body ?? '') : JSON.stringify(body);
      const headers: Record<string, string> = { ...mock.response.headers };
      if (typeof body === 'object' && body !== null && !hasHeader(headers, 'content-type')) {
        headers['content-type'] = 'application/json';
      }
      return { statusCode: mock.response.status ?? 200, data: text, responseOptions: { headers } };
    });
  if (mock.times === undefined) interceptor.persist();
  else interceptor.times(mock.times);
}

/** `https://api.x/items?a=1` matches exactly (query optional); `/regex/` matches the whole URL. */
function urlMatcher(url: string): { origin(o: string): boolean; path(p: string): boolean } {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(url);
  if (regex) {
    const re = new RegExp(regex[1]!, regex[2]);
    let lastOrigin = '';
    return {
      origin: (o) => {
        lastOrigin = o;
        return true;
      },
      path: (p) => re.test(`${lastOrigin}${p}`),
    };
  }
  const expected = new URL(url);
  const withQuery = expected.search !== '';
  const query = sortedQuery(expected.searchParams);
  return {
    origin: (o) => o === expected.origin,
    // undici hands the matcher the path with its query re-serialised (parameters sorted, a space
    // as `+`), so the query is compared as a set of decoded parameters, not as text.
    path: (p) => {
      const actual = new URL(p, expected.origin);
      return (
        actual.pathname === expected.pathname && (!withQuery || sortedQuery(actual.searchParams) === query)
      );
    },
  };
}

function sortedQuery(params: URLSearchParams): string {
  const copy = new URLSearchParams(params);
  copy.sort();
  return copy.toString();
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

function headersOf(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2)
      out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
  } else if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

function bodyOf(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

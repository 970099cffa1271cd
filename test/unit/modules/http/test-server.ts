/** A local Fastify server on 127.0.0.1 (port 0) for the HTTP module tests: never the internet. */
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** What `/echo` answers: the request as the server received it. */
export interface Echo {
  method: string;
  url: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: string;
}

/**
 * One server for the whole test file: started in beforeAll, closed in afterAll. Read `url`
 * inside tests (or hooks that run after beforeAll), never while the file is being collected.
 */
export function useTestServer(): { readonly url: string } {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer();
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get url(): string {
      if (started === undefined)
        throw new Error('the test server starts in beforeAll: read url inside a test');
      return started.url;
    },
  };
}

export async function startTestServer(): Promise<TestServer> {
  const app = Fastify({ forceCloseConnections: true });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.all('/echo', async (req) => ({
    method: req.method,
    url: req.url,
    query: req.query,
    headers: req.headers,
    body: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '',
  }));
  app.get('/status/:code', async (req, reply) => {
    const code = Number((req.params as { code: string }).code);
    return reply.code(code).send({ error: `status ${code}` });
  });
  app.get('/broken-json', async (_req, reply) => reply.type('application/json').send('{"a": '));
  app.all('/redirect/:code', async (req, reply) => {
    const code = Number((req.params as { code: string }).code);
    return reply.code(code).header('location', '/echo').send();
  });
  // Redirects to itself forever, keeping the query (the "More than 10 redirects" error).
  app.get('/loop', async (req, reply) => reply.code(302).header('location', req.url).send());
  // A 401 whose body echoes what it was sent, as some APIs do.
  app.get('/deny-echo', async (req, reply) =>
    reply.code(401).send({ url: req.url, authorization: req.headers.authorization ?? null }),
  );
  app.get('/redirect-out', async (_req, reply) =>
    reply.code(302).header('location', 'https://tracker.example.net/x').send(),
  );
  app.get('/gzip', async (_req, reply) =>
    reply
      .header('content-encoding', 'gzip')
      .type('application/json')
      .send(gzipSync(JSON.stringify({ zipped: true }))),
  );
  app.get('/xml', async (_req, reply) =>
    reply.type('application/xml').send('<root><item id="1">one</item></root>'),
  );
  app.get('/text', async (_req, reply) => reply.type('text/plain').send('plain text'));
  app.get('/binary', async (_req, reply) =>
    reply.type('image/png').send(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  );
  app.get('/file', async (_req, reply) =>
    reply
      .type('text/csv')
      .header('content-disposition', 'attachment; filename="report.csv"')
      .send('a,b\n1,2\n'),
  );
  app.get('/set-cookie', async (_req, reply) => reply.header('set-cookie', 'session=abc; Path=/').send('ok'));
  app.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return 'late';
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/**
 * The run inspector (brief priority 4): static HTML/JS/CSS with no build step, plus the JSON and
 * server-sent-event endpoints it reads under `/_inspector/`. Like Make's scenario history: the
 * scenarios with status and hook URL; executions with status, operations and duration; one
 * execution as the module graph with per-module operations, bundles in and out, errors and the
 * webhook response (https://help.make.com/scenario-execution-flow).
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { InspectorAccess } from './access.ts';
import { scenarioFakes } from './fakes-view.ts';
import { inspectorGuard } from './guard.ts';
import { loginRoutes } from './login-routes.ts';
import { executionDetail, executionList, moduleDetail, scenarioList, type UiServices } from './views.ts';

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');

export interface UiOptions {
  services: UiServices;
  access: InspectorAccess;
}

export async function uiRoutes(app: FastifyInstance, options: UiOptions): Promise<void> {
  const { services, access } = options;
  const files = {
    html: asset('index.html'),
    js: asset('app.js'),
    fakesJs: asset('fakes.js'),
    css: asset('style.css'),
    icon: asset('icon.svg'),
  };
  app.addHook('onRequest', inspectorGuard(access));
  loginRoutes(app, access);
  // Browsers ask for /favicon.ico on every page; without this route the gateway answers it as
  // an unknown hook (410).
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  app.get('/_inspector/icon.svg', async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'max-age=86400').send(files.icon),
  );
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(files.html));
  app.get('/_inspector/app.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(files.js),
  );
  app.get('/_inspector/fakes.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(files.fakesJs),
  );
  app.get('/_inspector/style.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(files.css),
  );
  app.get('/_inspector/api/scenarios', async () => scenarioList(services));
  app.get('/_inspector/api/scenarios/:id/fakes', async (request, reply) => {
    const fakes = scenarioFakes(services, Number((request.params as { id: string }).id));
    return fakes ?? reply.code(404).send({ message: 'scenario not found' });
  });
  app.get('/_inspector/api/executions', async (request) =>
    executionList(services, request.query as Record<string, string>),
  );
  app.get('/_inspector/api/executions/:id', async (request, reply) => {
    const detail = executionDetail(services, (request.params as { id: string }).id);
    return detail ?? reply.code(404).send({ message: 'execution not found' });
  });
  app.get('/_inspector/api/executions/:id/modules/:moduleId', async (request, reply) => {
    const { id, moduleId } = request.params as { id: string; moduleId: string };
    const detail = moduleDetail(services, id, Number(moduleId));
    return detail ?? reply.code(404).send({ message: 'module record not found' });
  });
  app.get('/_inspector/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const send = (event: string) => (scenarioId: number, executionId?: string) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify({ scenarioId, executionId })}\n\n`);
    const onExecution = send('execution');
    const onScenario = send('scenario');
    services.events.on('execution', onExecution);
    services.events.on('scenario', onScenario);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    ping.unref();
    request.raw.on('close', () => {
      clearInterval(ping);
      services.events.off('execution', onExecution);
      services.events.off('scenario', onScenario);
    });
  });
}

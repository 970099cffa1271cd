/**
 * The Make API v2 subset under `/api/v2` (https://developers.make.com/api-documentation): token auth on every
 * route except `/ping`, Make's error body for every failure (including malformed JSON and unknown paths), and
 * an empty JSON body read as no body.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import { checkToken } from './auth.ts';
import { clockRoutes } from './clock.ts';
import { dataStoreAdminRoutes } from './data-store-admin.ts';
import { dataStoreRoutes } from './data-stores.ts';
import { dataStructureRoutes } from './data-structures.ts';
import { dlqRoutes } from './dlqs.ts';
import { ApiError } from './errors.ts';
import { generalRoutes } from './general.ts';
import { hookAdminRoutes } from './hook-admin.ts';
import { hookRoutes } from './hooks.ts';
import { logRoutes } from './logs.ts';
import { idParams, schemaError } from './route-schemas.ts';
import { scenarioActionRoutes } from './scenario-actions.ts';
import { scenarioBlueprintRoutes } from './scenario-blueprints.ts';
import { scenarioCloneRoutes } from './scenario-clone.ts';
import { scenarioInterfaceRoutes } from './scenario-interface.ts';
import { scenarioRoutes } from './scenarios.ts';
import { apiSchemaCompiler } from './validators.ts';

export async function apiRoutes(app: FastifyInstance, options: { services: ServerServices }): Promise<void> {
  const { services } = options;
  app.addHook('onRequest', async (request) => {
    // Only `GET /api/v2/ping` is open (hook pings at /hooks/{id}/ping need the token).
    if (request.url.split('?')[0] === '/api/v2/ping') return;
    checkToken(request.headers.authorization, services.settings.token);
  });
  readEmptyJsonAsNoBody(app);
  // Parameters coerced from text, JSON bodies checked as sent (validators.ts).
  app.setValidatorCompiler(apiSchemaCompiler());
  // Every `/{id}` of this API (scenarios, hooks, data stores, data structures) is a whole number.
  app.addHook('onRoute', (route) => {
    if (route.url.includes(':id') && !route.schema?.params)
      route.schema = { ...route.schema, params: idParams };
  });
  app.setErrorHandler((error: FastifyError | ApiError, _request, reply) => {
    const apiError =
      error instanceof ApiError
        ? error
        : error.validation
          ? schemaError(error.validation, error.validationContext)
          : new ApiError(error.statusCode && error.statusCode >= 400 ? error.statusCode : 500, error.message);
    return reply.code(apiError.status).type('application/json; charset=utf-8').send(apiError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new ApiError(404, `Route ${request.method} ${request.url.split('?')[0]} not found.`);
    return reply.code(404).type('application/json; charset=utf-8').send(error.toBody());
  });
  const plugins: Array<(app: FastifyInstance, options: { services: ServerServices }) => Promise<void>> = [
    generalRoutes,
    scenarioRoutes,
    scenarioActionRoutes,
    scenarioBlueprintRoutes,
    scenarioCloneRoutes,
    scenarioInterfaceRoutes,
    logRoutes,
    hookRoutes,
    hookAdminRoutes,
    dataStoreRoutes,
    dataStoreAdminRoutes,
    dataStructureRoutes,
    dlqRoutes,
    clockRoutes,
  ];
  // Each plugin takes only the services it uses (a Pick of ServerServices).
  for (const plugin of plugins) app.register(plugin, { services });
}

/**
 * Clients call action endpoints (`/start`, `/stop`, `/hooks/{id}/enable`, ...) with
 * `Content-Type: application/json` and no body (https://developers.make.com/api-documentation "Content
 * types"); Fastify's JSON parser refuses that with a 400. Here an empty (or white-space) body is no body;
 * anything else goes to Fastify's own parser, which keeps its prototype-poisoning checks and its 400 for
 * malformed JSON (turned into Make's error body by the error handler above).
 */
function readEmptyJsonAsNoBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') done(null, undefined);
    else parseJson(request, text, done);
  });
}

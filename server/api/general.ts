/**
 * `/ping`, `/users/me`, `/users/me/current-authorization`, `/users/me/api-tokens`,
 * `/organizations`, `/teams`, `/scenarios-folders` (https://developers.make.com/api-documentation):
 * what tools call first to check a token. One local user, organization and team (id 1 each); no scenario
 * folders.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import { ApiError, notFound } from './errors.ts';
import { LOCAL_TEAM, organizationDetail, organizationSummary } from './organization.ts';
import { integer } from './query-schemas.ts';
import type { IdParams } from './route-schemas.ts';
import { LOCAL_IDS, LOCAL_USER } from './shapes.ts';

/** `GET /scenarios-folders?teamId=`: Make's own 400 when `teamId` is missing (the handler). */
const foldersSchema = { querystring: { type: 'object', properties: { teamId: integer } } } as const;

const SCOPES = [
  'scenarios:read',
  'scenarios:write',
  'scenarios:run',
  'hooks:read',
  'hooks:write',
  'datastores:read',
  'datastores:write',
  'udts:read',
  'udts:write',
  'dlqs:read',
  'dlqs:write',
  'teams:read',
  'organizations:read',
  'user:read',
];

export async function generalRoutes(
  app: FastifyInstance,
  options: { services: Pick<ServerServices, 'db' | 'clock' | 'scenarios' | 'settings'> },
): Promise<void> {
  const { timezone, token } = options.services.settings;
  // The token's creation is not kept: it is shown as made when the server started.
  const tokenCreated = options.services.clock.now().toISOString();
  app.get('/ping', async (_request, reply) => reply.type('text/plain; charset=utf-8').send('pong'));
  app.get('/users/me', async () => ({
    authUser: {
      ...LOCAL_USER,
      language: 'en',
      timezoneId: 1,
      localeId: 1,
      countryId: 1,
      features: {},
      avatar: '',
      lastLogin: null,
      timezone,
      locale: 'en',
    },
  }));
  app.get('/users/me/current-authorization', async () => ({
    authorization: { authUsed: 'token', scope: SCOPES },
  }));
  app.get('/users/me/api-tokens', async () => ({
    apiTokens: [{ token: maskToken(token), scope: SCOPES, label: 'makesim serve', created: tokenCreated }],
  }));
  const { services } = options;
  app.get('/organizations', async () => ({
    organizations: [organizationSummary(services)],
    pg: { offset: 0, limit: 10000 },
  }));
  app.get<{ Params: IdParams }>('/organizations/:id', async (request) => {
    if (request.params.id !== LOCAL_IDS.organizationId) throw notFound('Organization');
    return { organization: organizationDetail(services) };
  });
  app.get('/teams', async () => ({
    teams: [LOCAL_TEAM],
    pg: { sortBy: 'name', sortDir: 'asc', limit: 10000, offset: 0 },
  }));
  app.get<{ Params: IdParams }>('/teams/:id', async (request) => {
    if (request.params.id !== LOCAL_IDS.teamId) throw notFound('Team');
    return { team: LOCAL_TEAM };
  });
  app.get<{ Querystring: { teamId?: number } }>(
    '/scenarios-folders',
    { schema: foldersSchema },
    async (request) => {
      if (request.query.teamId === undefined) {
        throw new ApiError(400, 'Missing required parameter teamId');
      }
      return { scenariosFolders: [] };
    },
  );
}

/**
 * The token as the token list shows it: its first dash-separated segment (how tools match a token
 * to its entry, https://developers.make.com/api-documentation), every other character but the dashes starred.
 * A segment that would show half the token or more (a token without dashes) is starred too: the list never
 * reveals it.
 */
function maskToken(token: string): string {
  const dash = token.indexOf('-');
  const shown = dash > 0 && dash * 2 < token.length ? dash : 0;
  return token.slice(0, shown) + token.slice(shown).replace(/[^-]/g, '*');
}

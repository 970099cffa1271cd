/** createRunEnvironment: one way to build a run's ports from the project config. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';

const config = parseConfig(
  {
    timezone: 'Europe/Prague',
    variables: { organization: { plan: 'pro' }, team: { t: 1 } },
    dataStores: [{ name: 'contacts', makeId: 7 }],
    connections: { '99': { type: 'apiKey', apiKey: 'secret', apiKeyPlacement: 'query', apiKeyName: 'k' } },
    network: { allow: ['api.example.com'] },
  },
  { root: '/nowhere' },
);

describe('createRunEnvironment', () => {
  it('builds data stores, HTTP policy, variables and timezone from the config', () => {
    const env = createRunEnvironment(config, { database: ':memory:' });
    env.dataStores.store(7).put('k', { v: 1 });
    expect(env.dataStores.store('contacts').get('k')?.data).toEqual({ v: 1 });
    expect(env.http.allowNet).toEqual(['api.example.com']);
    expect(env.http.connections?.['99']).toEqual({
      apiKey: 'secret',
      apiKeyPlacement: 'query',
      apiKeyName: 'k',
    });
    expect(env.vars).toEqual({ organization: { plan: 'pro' }, team: { t: 1 } });
    expect(env.timezone).toBe('Europe/Prague');
    env.close();
  });

  it('lets a bare --allow-net open every host', () => {
    const env = createRunEnvironment(config, { database: ':memory:', allowNet: true });
    expect(env.http.allowNet).toBe(true);
    env.close();
  });

  it('adds --allow-net=HOST hosts to the config list instead of replacing it', () => {
    const env = createRunEnvironment(config, { database: ':memory:', allowNet: ['hooks.example.org'] });
    expect(env.http.allowNet).toEqual(['api.example.com', 'hooks.example.org']);
    env.close();
  });

  it('opens no database until a store is used', () => {
    // The config's database is under /nowhere, which cannot be created: reaching it would throw.
    const env = createRunEnvironment(config);
    expect(env.dataStores.list().map((s) => s.name)).toEqual(['contacts']);
    env.close();
  });
});

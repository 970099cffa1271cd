/**
 * Secrets never appear in what the server stores (docs/serve.md "Secrets"): a connection's
 * credential and a secret query value reach module inputs, outputs, the webhook's answer and its
 * request; the stored history (read back through the API and straight from the database) and the
 * webhook logs hold `[redacted]` — while the caller still gets the real answer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import { REDACTED } from '../../../modules/http/redact.ts';
import type { ServerApp } from '../../../server/app.ts';
import { createMakeEngine } from '../../../server/runner/make-engine.ts';
import { addScenario, apiClient, testServer } from './fixtures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const blueprint = JSON.parse(
  readFileSync(path.join(here, '../../fixtures/secrets/secrets.blueprint.json'), 'utf8'),
) as Record<string, unknown>;
const CONNECTION_KEY = 'conn-KEY-S3cr3t-42';
const QUERY_KEY = 'Qu3ry-S3cr3t-99';

let server: ServerApp;
afterEach(async () => server?.close());
const api = apiClient(() => server);

function expectNoSecret(text: string): void {
  expect(text).not.toContain(CONNECTION_KEY);
  expect(text).not.toContain(QUERY_KEY);
}

async function postWithSecrets() {
  const connection = {
    type: 'apiKey',
    apiKey: CONNECTION_KEY,
    apiKeyName: 'X-Api-Key',
    apiKeyPlacement: 'header',
  };
  const config = parseConfig({ database: ':memory:', connections: { '7': connection } }, { root: here });
  const environment = createRunEnvironment(config, { database: ':memory:' });
  server = testServer({
    engine: createMakeEngine(environment),
    dataStores: environment.dataStores,
    http: environment.http,
  });
  const { udid, scenario } = addScenario(server, blueprint);
  const answer = await server.app.inject({
    method: 'POST',
    url: `/${udid}?api_key=${QUERY_KEY}`,
    payload: { token: CONNECTION_KEY, key: QUERY_KEY },
  });
  await server.services.runner.idle();
  server.services.commits.flush();
  return { answer, scenario };
}

describe('secrets in what the server stores', () => {
  it('answers the caller with the real values but stores the execution redacted', async () => {
    const { answer, scenario } = await postWithSecrets();
    // The response path is not redacted: the scenario answered with the token it was sent.
    expect(answer.body).toBe(CONNECTION_KEY);
    const stored = server.services.db.prepare('SELECT record FROM executions').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expectNoSecret(stored[0] ?? '');
    expect(stored[0]).toContain(`api_key=${REDACTED}&page=2`);

    const logs = (await api('GET', `/scenarios/${scenario.id}/logs`)).json();
    const executionId = logs.scenarioLogs[0].id;
    const detail = await api('GET', `/scenarios/${scenario.id}/executions/${executionId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().outputs).toBeDefined();
    expectNoSecret(detail.body);
    const inspector = await server.app.inject({
      method: 'GET',
      url: `/_inspector/api/executions/${executionId}/modules/4`,
      headers: { authorization: `Token ${server.services.settings.token}` },
    });
    expectNoSecret(inspector.body);
  });

  it('keeps the secrets out of the webhook log: URL, headers, body, bundle and answer', async () => {
    const { scenario } = await postWithSecrets();
    const list = (await api('GET', `/hooks/${scenario.hookId}/logs`)).json();
    expect(list.hookLogs).toHaveLength(1);
    const detail = await api('GET', `/hooks/${scenario.hookId}/logs/${list.hookLogs[0].id}`);
    expect(detail.statusCode).toBe(200);
    expectNoSecret(detail.body);
    const row = server.services.db
      .prepare(
        'SELECT url, headers, parsed, response_body AS answer, CAST(body AS TEXT) AS body FROM hook_logs',
      )
      .get() as Record<string, string>;
    expect(row.url).toContain(`api_key=${REDACTED}`);
    for (const value of Object.values(row)) expectNoSecret(String(value));
  });
});

/**
 * Secrets never appear in what the CLI writes (docs/serve.md "Secrets"): a connection's credential
 * (test/fixtures/secrets/makesim.config.json) and a secret query value (`?api_key=` in the HTTP
 * module's URL) are mapped into module inputs and outputs; `run --json`, the tree and the test
 * reports show `[redacted]`, while the test's expectations still see the real values.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { REDACTED } from '../../modules/http/redact.ts';
import { NO_COLOR_ENV, runCli } from '../helpers/cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures/secrets');
const CONNECTION_KEY = 'conn-KEY-S3cr3t-42';
const QUERY_KEY = 'Qu3ry-S3cr3t-99';

const cli = (args: string[]) => runCli(args, { cwd: fixtures, env: NO_COLOR_ENV });

function expectNoSecret(text: string): void {
  expect(text).not.toContain(CONNECTION_KEY);
  expect(text).not.toContain(QUERY_KEY);
}

describe('secrets in what the CLI writes', () => {
  it('run --json prints the record with connection and query secrets redacted', async () => {
    const args = [
      'run',
      'secrets.blueprint.json',
      '--input',
      'secrets.input.json',
      '--mocks',
      'secrets.mocks.json',
      '--json',
    ];
    const { out } = await cli(args);
    expectNoSecret(out);
    const record = JSON.parse(out) as ExecutionRecord;
    const http = record.modules.find((module) => module.id === 4);
    expect(http?.calls[0]?.input).toMatchObject({
      url: `https://api.example.com/v1/items?api_key=${REDACTED}&page=2`,
      headers: [{ name: 'X-Copy', value: REDACTED }],
    });
    expect(record.modules.find((module) => module.id === 2)?.outputs).toEqual([{ copy: REDACTED }]);
    // The webhook response is what the caller got, but printed, it is redacted too.
    expect(record.response?.body).toBe(REDACTED);
  });

  it('run prints the tree without the secrets', async () => {
    const { out } = await cli(['run', 'secrets.blueprint.json', '--input', 'secrets.input.json']);
    expect(out).toContain('secrets in records');
    expectNoSecret(out);
  });

  it('test checks expectations on the real values and writes a JSON report without them', async () => {
    const { code, out } = await cli(['test', '.', '--reporter', 'json']);
    expect(code).toBe(1);
    expectNoSecret(out);
    const report = JSON.parse(out) as {
      results: Array<{ name: string; passed: boolean; failures: Array<{ actual?: unknown }> }>;
    };
    // The first case expects the unredacted values (module 2's output, module 4's URL) and passes.
    expect(report.results.map((result) => result.passed)).toEqual([true, false]);
    expect(report.results[1]?.failures[0]?.actual).toBe(REDACTED);
  });

  it('test writes a JUnit report without the secrets', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'makesim-secrets-')), 'report.xml');
    await cli(['test', '.', '--reporter', 'junit', '--output', file]);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain('<failure ');
    expectNoSecret(xml);
  });
});

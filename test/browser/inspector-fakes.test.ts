/**
 * The run page's Fakes panel in a real browser (headless Chromium via playwright-core): a served
 * scenario with a Google Sheets fake from the config shows its seeded row, and after a webhook run
 * the row the run appended (docs/testing.md "Fakes in makesim serve"). Screenshot in test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load-config.ts';
import { createRunEnvironment } from '../../config/run-environment.ts';
import { buildApp, type ServerApp } from '../../server/app.ts';
import { createScenario } from '../../server/project/admin.ts';
import { appDoublesFrom } from '../../server/runner/app-doubles.ts';
import { convertRequest, createMakeEngine } from '../../server/runner/make-engine.ts';
import { TOKEN } from '../integration/server/fixtures.ts';
import { ARTIFACTS, launchChromium } from './chromium.ts';

const source = resolve(import.meta.dirname, '../../blueprints/error-handling.blueprint.json');

let server: ServerApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const config = parseConfig(
    {
      database: ':memory:',
      scenarios: {
        '1': {
          blueprint: source,
          fakes: { 'google-sheets': { '1Signups/Signups': [{ A: 'zed@example.com' }] } },
        },
      },
    },
    { root: process.cwd() },
  );
  const environment = createRunEnvironment(config, { database: ':memory:' });
  server = buildApp({
    engine: createMakeEngine(environment, appDoublesFrom(config)),
    convert: convertRequest,
    token: TOKEN,
    dataStores: environment.dataStores,
  });
  server.start();
  base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  server.services.settings.hookBase = base;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('run page Fakes panel in a browser', () => {
  it('shows the seeded row, then the row a webhook run appended', { timeout: 60_000 }, async () => {
    const blueprint = JSON.parse(readFileSync(source, 'utf8'));
    const scenario = createScenario(server.services, { source, blueprint, isActive: true });
    const udid = server.services.hooks.get(scenario.hookId as number)?.udid as string;
    const page = await browser.newPage();
    await page.goto(`${base}${server.access.newLoginPath()}`);
    await expect.poll(() => page.textContent('[data-testid=live]'), { timeout: 10_000 }).toBe('live');
    const sheet = page.locator(
      '[data-testid=fake][data-fake=google-sheets] [data-collection="1Signups/Signups"]',
    );
    await sheet.waitFor({ timeout: 10_000 });
    expect(await sheet.textContent()).toContain('zed@example.com');
    expect(await sheet.textContent()).not.toContain('ada@example.com');

    await fetch(`${base}/${udid}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', name: 'Ada' }),
    });
    await page.locator('[data-execution-id]').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => sheet.textContent(), { timeout: 10_000 }).toContain('ada@example.com');
    expect(await sheet.locator('summary').textContent()).toBe('1Signups/Signups (2)');
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-fakes.png'), fullPage: true });
    await page.close();
  });
});

/**
 * The run inspector in a real browser (headless Chromium via playwright-core): open it, fire a
 * webhook, see the new execution appear live, open it and read its module bundles. Screenshots go
 * to test-artifacts/ (git-ignored, kept by CI).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../server/app.ts';
import { addScenario, blueprints, testServer } from '../integration/server/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server: ServerApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (CI's .ci/run does).`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  server = testServer();
  base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  server.services.settings.hookBase = base;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('run inspector in a browser', () => {
  it('shows a new execution live and opens its module bundles', { timeout: 60_000 }, async () => {
    const { udid } = addScenario(server, blueprints.responder());
    const page = await browser.newPage();
    // Without signing in the page is the sign-in form; the printed one-time link signs in.
    await page.goto(base);
    expect(await page.locator('input[name=token]').count()).toBe(1);
    await page.goto(`${base}${server.access.newLoginPath()}`);
    await expect.poll(() => page.textContent('[data-testid=live]'), { timeout: 10_000 }).toBe('live');
    expect(await page.textContent('[data-testid=scenarios]')).toContain(`${base}/${udid}`);
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-empty.png'), fullPage: true });

    const res = await fetch(`${base}/${udid}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Grace' }),
    });
    expect(await res.json()).toEqual({ hello: 'Grace' });

    const row = page.locator('[data-execution-id]').first();
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-status')).toBe('success');
    await row.click();
    await page.locator('[data-testid=module-node]').first().waitFor();
    expect(await page.locator('[data-testid=module-node]').count()).toBe(2);
    expect(await page.textContent('[data-testid=webhook-response]')).toContain('Grace');

    await page.click('[data-testid=module-node][data-module-id="1"]');
    expect(await page.textContent('[data-testid=bundles-out]')).toContain('"name": "Grace"');
    await page.click('[data-testid=module-node][data-module-id="2"]');
    expect(await page.textContent('[data-testid=bundles-in]')).toContain('hello');
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-execution.png'), fullPage: true });

    await page.selectOption('[data-testid=status-filter]', 'error');
    await expect.poll(() => page.locator('[data-execution-id]').count(), { timeout: 5_000 }).toBe(0);
    await page.close();
  });
});

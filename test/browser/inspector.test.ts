import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../server/app.ts';
import { addScenario, blueprints, breakBlueprint, testServer } from '../integration/server/fixtures.ts';
import { ARTIFACTS, launchChromium } from './chromium.ts';

let server: ServerApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = testServer();
  base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  server.services.settings.hookBase = base;
  browser = await launchChromium();
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

  it('stays readable: long texts, big runs, failures and warnings, deleted scenarios', {
    timeout: 120_000,
  }, async () => {
    // A 3,000-character scenario name and a 3,000-character value in the bundles.
    const long = 'L'.repeat(3_000);
    const wide = addScenario(server, { ...blueprints.responder(), name: `Wide ${long}` });
    const big = addScenario(server, blueprints.queued());
    const broken = addScenario(server, breakBlueprint());
    const app = addScenario(server, appModuleBlueprint());
    const gone = addScenario(server, { ...blueprints.responder(), name: 'Soon deleted' });
    const post = (udid: string, body: unknown) =>
      fetch(`${base}/${udid}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post(wide.udid, { name: long });
    await post(big.udid, { n: 'x'.repeat(4_000_000) }); // a run of about 12 MB of bundles
    await post(broken.udid, { doc: '{not json' }); // Break: a warning with an incomplete execution
    await post(app.udid, {}); // an app module with no mock: MissingMock on module 2
    await post(gone.udid, { name: 'Gone' });
    await server.services.runner.idle();
    const deleted = await server.app.inject({
      method: 'DELETE',
      url: `/api/v2/scenarios/${gone.scenario.id}`,
      headers: { authorization: `Token ${server.services.settings.token}` },
    });
    expect(deleted.statusCode).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1280, height: 500 } });
    const favicons: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/favicon.ico')) favicons.push(response.status());
    });
    await page.goto(`${base}${server.access.newLoginPath()}`);
    await page.locator('[data-execution-id]').nth(4).waitFor({ timeout: 10_000 });
    const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.textContent('[data-testid=executions]')).toContain('Soon deleted (deleted,');
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-list-long.png'), fullPage: true });

    const rowOf = (scenarioId: number) =>
      page.locator(`[data-execution-id]`).filter({ hasText: scenarioId === wide.scenario.id ? 'Wide' : '' });
    // The wide run: the detail panel is brought into view when opened.
    await rowOf(wide.scenario.id).first().click();
    await page.locator('[data-testid=module-node]').first().waitFor();
    const top = await page.evaluate<number>("document.querySelector('#detail').getBoundingClientRect().top");
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(500);
    // Its bundles wrap instead of widening the page.
    await page.click('[data-testid=module-node][data-module-id="1"]');
    expect(await page.textContent('[data-testid=bundles-out]')).toContain(long);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-detail-long.png'), fullPage: true });

    // The big run opens small, and shows everything on demand.
    const bigId = server.services.executions.list({
      scenarioId: big.scenario.id,
      offset: 0,
      limit: 1,
      sortDir: 'desc',
    })[0]?.id;
    const detailBytes = await page.evaluate(
      async (id) => (await (await fetch(`/_inspector/api/executions/${id}`)).text()).length,
      bigId,
    );
    expect(detailBytes).toBeLessThan(100_000);
    await page.click(`[data-execution-id="${bigId}"]`);
    await page.click('[data-testid=module-node][data-module-id="2"]');
    expect((await page.textContent('[data-testid=bundles-in]'))?.length).toBeLessThan(20_000);
    await page.click('[data-testid=expand]');
    await expect
      .poll(async () => (await page.textContent('[data-testid=bundles-in]'))?.length ?? 0, {
        timeout: 20_000,
      })
      .toBeGreaterThan(4_000_000);
    expect(await overflow()).toBeLessThanOrEqual(0);

    // A fresh page: the 4 MB bundle shown above makes every later screenshot slow.
    await page.goto(base);
    await page.locator('[data-execution-id]').nth(4).waitFor({ timeout: 10_000 });

    // The Break warning has its text in the summary.
    const breakId = server.services.executions.list({
      scenarioId: broken.scenario.id,
      offset: 0,
      limit: 1,
      sortDir: 'desc',
    })[0]?.id;
    await page.click(`[data-execution-id="${breakId}"]`);
    await page.locator('[data-testid=warning]').waitFor();
    expect(await page.textContent('[data-testid=warning]')).toMatch(/Warning: \w+Error: .+/);
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-warning.png'), fullPage: true });

    // The missing mock is marked on its module.
    const appId = server.services.executions.list({
      scenarioId: app.scenario.id,
      offset: 0,
      limit: 1,
      sortDir: 'desc',
    })[0]?.id;
    await page.click(`[data-execution-id="${appId}"]`);
    await page.locator('[data-testid=module-node][data-module-id="2"] [data-testid=failed-mark]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-missing-mock.png'), fullPage: true });

    expect(favicons.filter((status) => status >= 400)).toEqual([]);
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(204);
    await page.close();
  });
});

/** Webhook → an app module (Slack) that cannot run offline and has no mock. */
function appModuleBlueprint() {
  const bp = blueprints.queued() as { name: string; flow: Array<Record<string, unknown>> };
  bp.name = 'Needs a mock';
  bp.flow[1] = { id: 2, module: 'slack:CreateMessage', version: 4, parameters: {}, mapper: { text: 'hi' } };
  return bp;
}

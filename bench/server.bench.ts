/**
 * `makesim serve` under load, measured with autocannon against listening servers in one run:
 * webhook → set variable → webhook response beside a bare Fastify route (requests/s, p50/p99 and
 * the ratio), and accepted-and-queued webhooks (no response module, scenario inactive so only the
 * durable intake is measured). Targets: ≥ 50 % of bare Fastify, p99 < 10 ms at concurrency 10,
 * queued ≥ 5,000/s. Only 127.0.0.1, bounded in time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { startServer } from '../server/main.ts';
import { setActive } from '../server/project/admin.ts';
import { formatRate, verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const DURATION_S = 5;
const BODY = JSON.stringify({ name: 'Ada', n: 1 });

const trigger = {
  id: 1,
  module: 'gateway:CustomWebHook',
  version: 1,
  parameters: { hook: 1, maxResults: 1 },
  mapper: {},
};
const setVariable = {
  id: 2,
  module: 'util:SetVariable2',
  version: 1,
  parameters: {},
  mapper: { name: 'greeting', scope: 'roundtrip', value: 'Hello {{1.name}}' },
};
const respond = {
  id: 3,
  module: 'gateway:WebhookRespond',
  version: 1,
  parameters: {},
  mapper: { status: '200', body: '{{2.greeting}}', headers: [] },
};
const meta = { version: 1, instant: true, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true } };

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(url: string, connections: number): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections,
    duration: DURATION_S,
  });
  return {
    perSecond: result['2xx'] / DURATION_S,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

function line(label: string, figures: Load): string {
  return `  ${label.padEnd(40)} ${formatRate(figures.perSecond).padStart(8)}/s   p50 ${figures.p50} ms   p99 ${figures.p99} ms${figures.non2xx ? `   (${figures.non2xx} non-2xx)` : ''}`;
}

async function bareFastify(): Promise<Load> {
  const app = Fastify({ logger: false });
  app.post('/bare', async () => 'Hello Ada');
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    return await load(`${url}/bare`, 10);
  } finally {
    await app.close();
  }
}

async function makesim(): Promise<{ responsive: Load; queued: Load }> {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-bench-'));
  writeFileSync(join(dir, 'makesim.config.json'), JSON.stringify({ database: ':memory:' }));
  writeFileSync(
    join(dir, 'respond.blueprint.json'),
    JSON.stringify({ name: 'Respond', flow: [trigger, setVariable, respond], metadata: meta }),
  );
  writeFileSync(
    join(dir, 'queued.blueprint.json'),
    JSON.stringify({ name: 'Queued', flow: [trigger, setVariable], metadata: meta }),
  );
  const running = await startServer({
    dir,
    port: 0,
    rateLimit: false,
    watch: false,
    queueLimit: 100_000_000,
  });
  try {
    const { services } = running.server;
    const udidOf = (name: string) => {
      const scenario = services.scenarios.list().find((s) => s.name === name);
      return services.hooks.get(scenario?.hookId ?? 0)?.udid ?? '';
    };
    const queued = services.scenarios.list().find((s) => s.name === 'Queued');
    if (queued) setActive(services, queued.id, false);
    const responsive = await load(`${running.hookBase}/${udidOf('Respond')}`, 10);
    const queuedLoad = await load(`${running.hookBase}/${udidOf('Queued')}`, 50);
    return { responsive, queued: queuedLoad };
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const serverSuite: BenchSuite = {
  name: 'server',
  title: 'makesim serve: webhook → set variable → response vs bare Fastify; queued webhooks',
  async run() {
    const bare = await bareFastify();
    const { responsive, queued } = await makesim();
    console.log(line('bare Fastify route (c=10)', bare));
    console.log(line('webhook → set variable → response (c=10)', responsive));
    console.log(line('webhook accepted and queued (c=50)', queued));
    console.log(
      verdict('webhook response vs bare Fastify', (responsive.perSecond / bare.perSecond) * 100, 50, '%'),
    );
    console.log(verdict('webhook response p99 at concurrency 10', responsive.p99, 10, 'ms', false));
    console.log(verdict('accepted-and-queued webhooks', queued.perSecond, 5000, '/s'));
  },
};

/**
 * `makesim serve` under load, measured with autocannon against listening servers in one run:
 * webhook → set variable → webhook response beside a bare Fastify route (requests/s, p50/p99 and
 * the ratio), and accepted-and-queued webhooks (no response module, scenario on demand so only the
 * durable intake is measured). The same makesim server is also measured at an unknown hook
 * (`410`), the floor under every webhook answer, so a reader sees how much of the gap to bare
 * Fastify is the scenario run and its history rather than routing. Each server is its own process
 * (makesim's built CLI, a bare Fastify script), so autocannon does not share its CPU; each gets the
 * same warm-up load first (WARMUP_S). makesim is measured as users run it: `dist/cli/bin.js`
 * (`npm run build` first, plain Node). `BENCH_SERVE=dev` measures the development launcher
 * instead (`bin/makesim.js`: the TypeScript sources through tsx, whose loader hooks and source maps
 * cost about a tenth more server CPU per answered webhook). Targets: ≥ 25 % of bare Fastify,
 * p99 < 10 ms at concurrency 10, queued ≥ 5,000/s. Only 127.0.0.1, bounded in time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildDist } from './build-dist.ts';
import { formatRate, verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const DURATION_S = 5;
/** Load before measuring, so lazy module loading and JIT compilation are not measured. */
const WARMUP_S = 2;
const repoRoot = join(import.meta.dirname, '..');
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
  /** Server CPU time per answered request (µs), when /proc tells it: steadier than requests/s on a shared machine. */
  cpuUs: number | undefined;
}

/** User + system CPU time of a process and its threads, in clock ticks (Linux /proc), if readable. */
function cpuTicks(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** Linux reports CPU time in ticks of 1/100 s. */
const TICK_US = 10_000;

/** `answered`: what counts as served — 2xx (default) or every answer (the refusal floor). */
async function load(
  url: string,
  connections: number,
  pid?: number,
  answered: '2xx' | 'all' = '2xx',
): Promise<Load> {
  const request = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: BODY,
  };
  await autocannon({ ...request, connections, duration: WARMUP_S });
  const before = cpuTicks(pid);
  const result = await autocannon({ ...request, connections, duration: DURATION_S });
  const after = cpuTicks(pid);
  const served = answered === 'all' ? result['2xx'] + result.non2xx : result['2xx'];
  const cpuUs =
    before === undefined || after === undefined || served === 0
      ? undefined
      : ((after - before) * TICK_US) / served;
  return {
    perSecond: served / DURATION_S,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: answered === 'all' ? 0 : result.non2xx,
    cpuUs,
  };
}

function line(label: string, figures: Load): string {
  const cpu = figures.cpuUs === undefined ? '' : `   server CPU ${Math.round(figures.cpuUs)} µs/request`;
  return `  ${label.padEnd(40)} ${formatRate(figures.perSecond).padStart(8)}/s   p50 ${figures.p50} ms   p99 ${figures.p99} ms${cpu}${figures.non2xx ? `   (${figures.non2xx} non-2xx)` : ''}`;
}

/** Starts a server as a child process (so it does not share a CPU with autocannon); resolves its banner. */
function spawnServer(
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, match });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.post('/bare', async () => 'Hello Ada');
console.log('bare ' + (await app.listen({ host: '127.0.0.1', port: 0 })));
`;

async function bareFastify(): Promise<Load> {
  const { child, match } = await spawnServer(['--input-type=module', '-e', BARE_SERVER], /bare (\S+)\n/);
  try {
    return await load(`${match[1]}/bare`, 10, child.pid);
  } finally {
    await stop(child);
  }
}

/**
 * One makesim server under load at its hook; with `floor`, also at an unknown hook on the same
 * server (Make's `410 Webhook not found.`): routing, the hook lookup and a fixed answer — what
 * makesim costs before any request is stored or any scenario runs.
 */
async function makesimServer(
  dir: string,
  connections: number,
  floor = false,
): Promise<{ hook: Load; unknownHook?: Load }> {
  const args = [
    ...SERVE_LAUNCHER,
    'serve',
    dir,
    '--port',
    '0',
    '--no-rate-limit',
    '--no-watch',
    '--queue-limit',
    '100000000',
  ];
  const { child, match } = await spawnServer(args, /hook (\S+)\n/);
  const hookUrl = String(match[1]);
  try {
    const hook = await load(hookUrl, connections, child.pid);
    if (!floor) return { hook };
    const unknownHook = await load(hookUrl.replace(/[^/]+$/, UNKNOWN_UDID), connections, child.pid, 'all');
    return { hook, unknownHook };
  } finally {
    await stop(child);
  }
}

const UNKNOWN_UDID = 'x'.repeat(32);

/**
 * The makesim server measured: the built CLI users run (`dist/cli/bin.js`, plain Node, built
 * first), or with BENCH_SERVE=dev the development launcher (`bin/makesim.js`: the sources through
 * tsx, whose loader hooks and source maps make every request dearer).
 */
const DEV_LAUNCHER = process.env.BENCH_SERVE === 'dev';
const SERVE_LAUNCHER = [join(repoRoot, DEV_LAUNCHER ? 'bin/makesim.js' : 'dist/cli/bin.js')];

async function makesim(): Promise<{ responsive: Load; unknownHook?: Load; queued: Load }> {
  const project = (name: string, blueprint: unknown, scheduling?: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-bench-'));
    // The default config (no `database`): data stores share the server's database file and
    // connection — the exactly-once setup (docs/serve.md) is what is measured.
    writeFileSync(join(dir, 'makesim.config.json'), JSON.stringify({}));
    writeFileSync(join(dir, `${name}.blueprint.json`), JSON.stringify(blueprint));
    if (scheduling) writeFileSync(join(dir, `${name}.scheduling.json`), JSON.stringify(scheduling));
    return dir;
  };
  const respondDir = project('respond', {
    name: 'Respond',
    flow: [trigger, setVariable, respond],
    metadata: meta,
  });
  // Scheduled on demand: requests are accepted and queued but never run, so only the intake is measured.
  const queuedDir = project(
    'queued',
    { name: 'Queued', flow: [trigger, setVariable], metadata: meta },
    { type: 'on-demand' },
  );
  try {
    const responsive = await makesimServer(respondDir, 10, true);
    const queued = await makesimServer(queuedDir, 50);
    return { responsive: responsive.hook, unknownHook: responsive.unknownHook, queued: queued.hook };
  } finally {
    for (const dir of [respondDir, queuedDir]) rmSync(dir, { recursive: true, force: true });
  }
}

export const serverSuite: BenchSuite = {
  name: 'server',
  title: 'makesim serve: webhook → set variable → response vs bare Fastify; queued webhooks',
  async run() {
    if (!DEV_LAUNCHER) buildDist();
    const load = loadavg().map((n) => n.toFixed(2));
    console.log(`  load average ${load.join(' ')}`);
    const bare = await bareFastify();
    const { responsive, unknownHook, queued } = await makesim();
    console.log(line('bare Fastify route (c=10)', bare));
    if (unknownHook) console.log(line('makesim, unknown hook → 410 (c=10)', unknownHook));
    console.log(line('webhook → set variable → response (c=10)', responsive));
    console.log(line('webhook accepted and queued (c=50)', queued));
    if (unknownHook)
      console.log(
        `  unknown hook → 410 vs bare Fastify: ${((unknownHook.perSecond / bare.perSecond) * 100).toFixed(1)} % (no target)`,
      );
    console.log(
      verdict('webhook response vs bare Fastify', (responsive.perSecond / bare.perSecond) * 100, 25, '%'),
    );
    console.log(verdict('webhook response p99 at concurrency 10', responsive.p99, 10, 'ms', false));
    console.log(verdict('accepted-and-queued webhooks', queued.perSecond, 5000, '/s'));
  },
};

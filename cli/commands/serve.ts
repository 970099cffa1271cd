/**
 * `makesim serve [dir]`: the local Make-shaped dev server (webhooks, queue, schedules, Make API
 * v2, run inspector). Prints each scenario with its hook URL and schedule, and the API token;
 * runs until SIGINT/SIGTERM.
 */

import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { hookUrl, mailhookEndpoint } from '../../server/api/shapes.ts';
import { type RunningServer, startServer } from '../../server/main.ts';
import { MAILHOOK_TYPE_NAME } from '../../server/store/hooks.ts';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';
import { ALLOW_NET_HELP, type AllowNet, collectHost } from './run-inputs.ts';

interface ServeFlags {
  host: string;
  port?: string;
  hookPort?: string;
  db?: string;
  clock: string;
  config?: string;
  rateLimit: boolean;
  queueLimit?: string;
  responseTimeout?: string;
  watch: boolean;
  allowNet?: AllowNet;
}

export const registerServe: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('serve')
    .description(
      'Serve the blueprints of a directory: webhooks, queue, schedules, Make API v2, run inspector',
    )
    .argument('[dir]', 'directory with *.blueprint.json files', '.')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'API and inspector port (default: config server.port or 8080)')
    .option('--hook-port <port>', 'separate port for webhooks (default: the API port)')
    .option('--db <file>', 'server database (default: <dir>/.makesim/makesim.db)')
    .option(
      '--clock <clock>',
      'system, or simulated (advance it with POST /api/v2/makesim/clock/advance)',
      'system',
    )
    .option('--config <file>', 'project config (default: nearest makesim.config.json)')
    .option('--no-rate-limit', "turn off Make's 300 requests per 10 s webhook limit (load tests)")
    .option('--queue-limit <n>', "webhook queue size (Make's maximum: 10000)")
    .option('--response-timeout <ms>', 'how long a webhook waits for a Webhook response (default 180000)')
    .option('--no-watch', 'do not reload blueprints when files change')
    .option('--allow-net [host]', ALLOW_NET_HELP, collectHost)
    .action(async (dir: string, flags: ServeFlags) => {
      const running = await startServer({
        dir: resolve(ctx.cwd, dir),
        host: flags.host,
        clock: parseClock(flags.clock),
        rateLimit: flags.rateLimit,
        watch: flags.watch,
        ...optionalInt('port', flags.port),
        ...optionalInt('hookPort', flags.hookPort),
        ...optionalInt('queueLimit', flags.queueLimit),
        ...optionalInt('responseTimeoutMs', flags.responseTimeout),
        ...(flags.db ? { db: flags.db } : {}),
        ...(flags.allowNet ? { allowNet: flags.allowNet } : {}),
        ...(flags.config ? { configPath: flags.config } : {}),
      });
      printSummary(ctx, running);
      await untilSignal();
      await running.close();
    });
};

function parseClock(value: string): 'system' | 'simulated' {
  if (value === 'system' || value === 'simulated') return value;
  throw new UsageError(`--clock must be system or simulated, not "${value}"`);
}

function optionalInt(name: string, value: string | undefined): Record<string, number> {
  if (value === undefined) return {};
  if (!/^\d+$/.test(value))
    throw new UsageError(
      `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a whole number, not "${value}"`,
    );
  return { [name]: Number(value) };
}

function printSummary(ctx: CliContext, running: RunningServer): void {
  const { services } = running.server;
  ctx.out(`${pc.bold('makesim serve')} listening on ${running.url}\n`);
  if (running.exposed) {
    ctx.out(`  addresses  ${running.addresses.join('  ')}\n`);
    ctx.out(
      `  ${pc.yellow('warning')}    listening on every interface: other machines on your network can call the hooks; the API and run page need the token\n`,
    );
  }
  ctx.out(
    `  inspector  ${running.url}${running.server.access.newLoginPath()}  (one-time sign-in link)\n  API        ${running.url}/api/v2  (Authorization: Token ${services.settings.token})\n\n`,
  );
  for (const entry of running.entries) {
    if (!entry.scenario) {
      ctx.out(`  ${pc.red('✗')} ${entry.source}: ${entry.problem}\n`);
      continue;
    }
    const { scenario } = entry;
    const hook = scenario.hookId === null ? undefined : services.hooks.get(scenario.hookId);
    const problem = services.catalog.problem(scenario.id);
    ctx.out(
      `  ${problem ? pc.red('✗') : pc.green('●')} #${scenario.id} ${scenario.name}  [${scenario.scheduling.type}]\n`,
    );
    if (hook?.typeName === MAILHOOK_TYPE_NAME)
      ctx.out(
        `      mailhook ${hookUrl(services, hook)}  (POST the raw email to ${mailhookEndpoint(services, hook)})\n`,
      );
    else if (hook) ctx.out(`      hook ${running.hookBase}/${hook.udid}\n`);
    if (problem) ctx.out(`      ${pc.red(problem)}\n`);
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

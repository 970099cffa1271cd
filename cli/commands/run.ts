/**
 * `makesim run <blueprint.json>`: one execution of a blueprint, printed as a tree (or the
 * execution record with --json). Exit 0 success or warning, 1 error, 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../config/config-error.ts';
import { loadConfig } from '../../config/load-config.ts';
import { createRunEnvironment } from '../../config/run-environment.ts';
import { loadScenarioFile } from '../../engine/blueprint/load.ts';
import type { Scenario } from '../../engine/blueprint/scenario.ts';
import { BlueprintError } from '../../engine/errors/blueprint-error.ts';
import { SimulatedClock } from '../../engine/ports/clock.ts';
import type { Mocks } from '../../engine/registry/mocks.ts';
import type { RunOptions } from '../../engine/runtime/options.ts';
import { runScenario } from '../../engine/runtime/run-scenario.ts';
import { connectionSecrets } from '../../modules/http/redact.ts';
import { createRedactor } from '../../modules/http/redactor.ts';
import { defaultRegistry } from '../../modules/index.ts';
import { unknownMockKeys } from '../../test-runner/mock-keys.ts';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';
import {
  ALLOW_NET_HELP,
  type AllowNet,
  collectHost,
  isoDate,
  mergeVars,
  positive,
  readJsonFile,
} from './run-inputs.ts';
import { formatRun } from './run-tree.ts';

interface RunCliOptions {
  input?: string;
  mocks?: string;
  json?: boolean;
  timezone?: string;
  now?: string;
  var: string[];
  maxOperations?: string;
  cycles?: string;
  config?: string;
  allowNet?: AllowNet;
  realTime?: boolean;
}

const VAR_HELP = `
Variables (--var, repeatable):
  --var name=value               scenario variable, mapped as {{var.scenario.name}}
  --var organization.name=value  organization variable ({{var.organization.name}})
  --var team.name=value          team variable ({{var.team.name}})
  --var input.name=value         scenario input ({{var.input.name}})
  Values are read as JSON when they parse (numbers, booleans, objects), else as text.
  A scenario that declares inputs (io.input_spec) and has no trigger takes --input as its inputs.

Data stores, HTTP policy, connections and organization variables come from makesim.config.json
(found from the blueprint's directory upwards, or --config). Exit code: 0 success or warning,
1 the run ended in error, 2 bad usage.`;

export const registerRun: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('run')
    .description('Run a blueprint once and print what each module did')
    .argument('<blueprint>', 'the exported *.blueprint.json')
    .option(
      '--input <file>',
      "JSON file with the trigger's output (object = one bundle, array = several / one per webhook event)",
    )
    .option('--mocks <file>', 'JSON file with mocks for app modules, by module id or key')
    .option('--json', 'print the execution record as JSON')
    .option('--timezone <tz>', 'organization time zone (IANA name), default from the config or UTC')
    .option('--now <iso>', 'fixed execution time, e.g. 2026-01-01T09:00:00Z')
    .option('--var <name=value>', 'set a variable (repeatable, see below)', collect, [])
    .option('--max-operations <n>', 'stop the run after this many operations')
    .option('--cycles <n>', 'maximum number of cycles (Make: "Max number of cycles"; Run once = 1)')
    .option('--config <file>', 'project config file (default: nearest makesim.config.json)')
    .option('--allow-net [host]', ALLOW_NET_HELP, collectHost)
    .option('--real-time', 'let Sleep and Break retries wait on the wall clock (default: simulated time)')
    .addHelpText('after', VAR_HELP)
    .action(async (blueprint: string, options: RunCliOptions) => {
      ctx.exitCode = await runCommand(blueprint, options, ctx);
    });
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runCommand(blueprint: string, options: RunCliOptions, ctx: CliContext): Promise<number> {
  const file = resolve(ctx.cwd, blueprint);
  if (!existsSync(file)) throw new UsageError(`blueprint file not found: ${file}`);
  const scenario = loadBlueprint(file);
  const base: RunOptions = {
    input: options.input === undefined ? undefined : readJsonFile(ctx, options.input, '--input'),
    mocks: options.mocks === undefined ? undefined : (readJsonFile(ctx, options.mocks, '--mocks') as Mocks),
    maxCycles: positive(options.cycles, '--cycles') ?? 1,
  };
  const unknown = base.mocks ? unknownMockKeys(scenario, base.mocks) : [];
  if (unknown.length > 0) throw new UsageError(`--mocks ${options.mocks}: ${unknown.join('; ')}`);
  if (options.now !== undefined) base.now = isoDate(options.now);
  // Sleep modules advance simulated time instead of holding the terminal (docs/testing.md).
  if (!options.realTime) base.clock = new SimulatedClock(base.now ?? Date.now());
  const maxOperations = positive(options.maxOperations, '--max-operations');
  if (maxOperations !== undefined) base.limits = { maxOperations };
  const env = buildEnvironment(dirname(file), options, ctx);
  try {
    const record = await runScenario(scenario, { ...base, ...env.options });
    // What is printed holds no secret (docs/serve.md "Secrets"); the exit code reads the run itself.
    const shown = createRedactor(connectionSecrets(env.options.http ?? {})).value(record);
    ctx.out(options.json ? `${JSON.stringify(shown, null, 2)}\n` : formatRun(scenario, shown));
    if (base.input === undefined && scenario.instant) ctx.err(noRequestNote(scenario));
    return record.status === 'error' ? 1 : 0;
  } finally {
    env.close();
  }
}

/**
 * THE place where a run's environment is built (data stores, HTTP, state, variables, time zone)
 * from the project config, via config/run-environment.ts — shared with the test runner and server.
 */
function buildEnvironment(
  blueprintDir: string,
  options: RunCliOptions,
  ctx: CliContext,
): { options: RunOptions; close(): void } {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      startDir: options.config ? ctx.cwd : blueprintDir,
      ...(options.config ? { configPath: options.config } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const env = createRunEnvironment(config, options.allowNet ? { allowNet: options.allowNet } : {});
  const vars = mergeVars(env.vars, options.var);
  const runOptions: RunOptions = {
    dataStores: env.dataStores,
    http: env.http,
    state: env.state,
    vars,
    timezone: options.timezone ?? env.timezone,
  };
  if (env.subscenarios) runOptions.subscenarios = env.subscenarios;
  return { options: runOptions, close: () => env.close() };
}

/** A webhook scenario run without --input: Make would wait for a request; here none came. */
function noRequestNote(scenario: Scenario): string {
  const trigger = scenario.flow[0];
  const name = trigger
    ? `module ${trigger.id}${trigger.label ? ` "${trigger.label}"` : ''} (${trigger.key})`
    : 'the trigger';
  return (
    `note: the trigger ${name} got no request, so nothing after it ran. ` +
    'Pass the incoming request(s) with --input request.json (an object = one request, an array = several).\n'
  );
}

function loadBlueprint(file: string) {
  try {
    return loadScenarioFile(file, { registry: defaultRegistry });
  } catch (error) {
    if (error instanceof BlueprintError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * `makesim cost <blueprint> [<new blueprint>]`: operations and credits per run (measured and
 * modelled), per month, against Make's plans, with advice; or the change between two versions.
 * Exit 0; 1 when --plan is given and the usage does not fit it; 2 bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../config/config-error.ts';
import { loadConfig } from '../../config/load-config.ts';
import type { ProjectConfig } from '../../config/types.ts';
import { monthLabel } from '../../cost/calendar-month.ts';
import { diffCosts } from '../../cost/diff.ts';
import { type CostEstimate, estimate } from '../../cost/estimate.ts';
import { HistoryError, readHistory } from '../../cost/history.ts';
import { projectHistory } from '../../cost/history-volume.ts';
import { type MeasuredRun, measureInputs, measureTestFile } from '../../cost/measure.ts';
import {
  type BasisOptions,
  CostOptionError,
  calendarMonth,
  parseBasis,
  parseModelInputs,
  parseRate,
} from '../../cost/options.ts';
import { findPlan, type PlanTable, PlanTableError, planTable, readPlanTable } from '../../cost/plans.ts';
import { formatDiff, formatEstimate } from '../../cost/report.ts';
import type { Scheduling } from '../../cost/schedule.ts';
import { loadScenarioFile } from '../../engine/blueprint/load.ts';
import type { Scenario } from '../../engine/blueprint/scenario.ts';
import { BlueprintError } from '../../engine/errors/blueprint-error.ts';
import { parseJsonText } from '../../engine/errors/json-syntax.ts';
import type { Mocks } from '../../engine/registry/mocks.ts';
import { defaultRegistry } from '../../modules/index.ts';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';

interface CostCliOptions extends BasisOptions {
  input: string[];
  test?: string;
  fromHistory?: boolean;
  db?: string;
  plans?: string;
  mocks?: string;
  items: string[];
  pass: string[];
  usage: string[];
  dataRate?: string;
  plan?: string;
  now?: string;
  config?: string;
  json?: boolean;
}

const HELP = `
Per month: --events 500/day | --events 12000/month (instant triggers) | --every 15m |
--schedule '{"type":"daily","time":"08:00"}' | --runs-per-month N, over the calendar month
--month YYYY-MM (default: the next calendar month). Without one, a schedule for this blueprint in
makesim.config.json is used, else Make's default (every 15 min) for scheduled scenarios; an instant
scenario without a volume gets its cost per event and the events each plan allows.
--from-history projects the executions \`makesim serve\` recorded (--db, default
./.makesim/makesim.db). --plans <file> prices your own plan table (docs/cost.md).
Model: --items <id>=<n> bundles per run of a trigger/iterator/search,
--pass <id>=<rate> for a filter (--pass <ifElseId>.<branch>=<rate> for If-else conditions).
Two blueprints compare an old and a new version on the same inputs.`;

export const registerCost: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('cost')
    .description('Estimate operations and credits per run and per month, against Make plans')
    .argument('<blueprints...>', 'the blueprint, or an old and a new version to compare')
    .option(
      '--input <file>',
      'trigger output for one measured run (repeatable: one run per file)',
      collect,
      [],
    )
    .option('--test <file>', 'measure every case of a test file (*.test.json; a case may carry a weight)')
    .option('--from-history', 'measure the executions `makesim serve` recorded for this blueprint')
    .option('--db <file>', 'server database for --from-history (default: ./.makesim/makesim.db)')
    .option('--mocks <file>', 'JSON file with mocks for app modules, by module id or key')
    .option('--schedule <json>', "Make's scheduling object")
    .option('--every <duration>', 'run at a regular interval, e.g. 15m, 1h')
    .option('--runs-per-month <n>', 'runs per month')
    .option('--webhooks-per-day <n>', 'incoming webhooks per day (same as --events <n>/day)')
    .option('--events <n/day|n/month>', 'events (or runs) per day or per month, e.g. 500/day')
    .option('--month <YYYY-MM>', 'calendar month to count runs in (default: next month)')
    .option('--items <id=n>', 'bundles per run of a module (repeatable)', collect, [])
    .option('--pass <id=rate>', 'share of bundles a filter lets through (repeatable)', collect, [])
    .option(
      '--usage <key=min..max>',
      'credits per operation of a usage-billed module (repeatable)',
      collect,
      [],
    )
    .option('--data-rate <share>', 'share of polling checks that find new data (default 1)')
    .option('--plan <plan>', 'check against one plan of the table (free, core, pro, teams, enterprise)')
    .option('--plans <file>', 'your own plan table (JSON, schema in docs/cost.md)')
    .option('--now <iso>', 'fixed execution time of measured runs')
    .option('--config <file>', 'project config file (default: nearest makesim.config.json)')
    .option('--json', 'print the estimate as JSON')
    .addHelpText('after', HELP)
    .action(async (blueprints: string[], options: CostCliOptions) => {
      try {
        ctx.exitCode = await costCommand(blueprints, options, ctx);
      } catch (error) {
        if (
          error instanceof CostOptionError ||
          error instanceof PlanTableError ||
          error instanceof HistoryError
        )
          throw new UsageError(error.message);
        throw error;
      }
    });
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function costCommand(blueprints: string[], options: CostCliOptions, ctx: CliContext): Promise<number> {
  if (blueprints.length > 2) throw new UsageError('give one blueprint, or two (old and new) to compare');
  const table = options.plans === undefined ? planTable() : readPlanTable(resolve(ctx.cwd, options.plans));
  if (options.plan !== undefined && !findPlan(table, options.plan)) {
    const ids = table.plans.map((p) => p.id).join(', ');
    throw new UsageError(`--plan must be one of ${ids}, got "${options.plan}"`);
  }
  const files = blueprints.map((b) => resolve(ctx.cwd, b));
  const estimates: CostEstimate[] = [];
  for (const file of files) estimates.push(await estimateFile(file, { ...options, table }, ctx));
  const [before, after] = estimates;
  if (!before) return 2;
  if (!after) {
    ctx.out(options.json ? `${JSON.stringify(before, null, 2)}\n` : formatEstimate(before));
    return before.plan && before.plan.fits === false ? 1 : 0;
  }
  const months =
    before.monthly && after.monthly ? { before: before.monthly, after: after.monthly } : undefined;
  const diff = diffCosts(before.model, after.model, months);
  const names = { before: basename(files[0] ?? ''), after: basename(files[1] ?? '') };
  ctx.out(options.json ? `${JSON.stringify({ before, after, diff }, null, 2)}\n` : formatDiff(diff, names));
  return 0;
}

async function estimateFile(
  file: string,
  options: CostCliOptions & { table: PlanTable },
  ctx: CliContext,
): Promise<CostEstimate> {
  const scenario = loadBlueprint(file);
  const config = projectConfig(dirname(file), options, ctx);
  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO date, got "${options.now}"`);
  const configured = configuredScheduling(config, file);
  const fallback = configured ?? (scenario.instant ? undefined : MAKE_DEFAULT_SCHEDULE);
  const history = options.fromHistory
    ? readHistory(resolve(ctx.cwd, options.db ?? '.makesim/makesim.db'), file)
    : undefined;
  let basis = parseBasis(options, { now, timezone: config.timezone, fallback });
  const parsed = parseModelInputs(options);
  // The config's usage ranges apply unless --usage names the same module.
  const model = { ...parsed, usage: { ...config.cost.usage, ...parsed.usage } };
  const dataRate = parseRate(options.dataRate, '--data-rate');
  const runs = history ? history.runs : await measure(scenario, { options, config, now, ctx });
  const notes: string[] = [];
  const month = calendarMonth(options.month, { now, timezone: config.timezone });
  if (options.month === undefined && basis && basis.kind !== 'runs-per-month')
    notes.push(`Month: ${monthLabel(month)}, the next calendar month (choose one with --month YYYY-MM).`);
  if (history) {
    const projected = projectHistory(history, month, basis);
    basis = projected.basis;
    notes.push(projected.note);
  }
  if (basis?.kind === 'schedule' && basis.scheduling === fallback) {
    notes.push(
      configured
        ? 'Schedule taken from makesim.config.json.'
        : "No schedule given: Make's default, every 15 minutes, is assumed.",
    );
  }
  return estimate({
    scenario,
    runs,
    model,
    basis,
    dataRate,
    plan: options.plan,
    notes,
    table: options.table,
  });
}

/**
 * Make's default schedule for a new scenario: every 15 minutes (https://help.make.com/schedule-a-scenario).
 */
const MAKE_DEFAULT_SCHEDULE: Scheduling = { type: 'indefinitely', interval: 900 };

interface MeasureContext {
  options: CostCliOptions;
  config: ProjectConfig;
  now: Date;
  ctx: CliContext;
}

async function measure(scenario: Scenario, m: MeasureContext): Promise<MeasuredRun[]> {
  if (m.options.test !== undefined) {
    const path = resolve(m.ctx.cwd, m.options.test);
    if (!existsSync(path)) throw new UsageError(`--test: file not found: ${path}`);
    try {
      return await measureTestFile(scenario, path);
    } catch (error) {
      if (error instanceof Error && error.name === 'TestFileError') throw new UsageError(error.message);
      throw error;
    }
  }
  if (m.options.input.length === 0) return [];
  const mocks =
    m.options.mocks === undefined ? undefined : (readJson(m.ctx, m.options.mocks, '--mocks') as Mocks);
  const inputs = m.options.input.map((path) => ({
    name: basename(path),
    input: readJson(m.ctx, path, '--input'),
  }));
  return measureInputs({ scenario, inputs, mocks, config: m.config, now: m.now });
}

function configuredScheduling(config: ProjectConfig, file: string): Scheduling | undefined {
  for (const entry of Object.values(config.scenarios)) {
    if (entry.scheduling && resolve(config.root, entry.blueprint) === file) return entry.scheduling;
  }
  return undefined;
}

function projectConfig(blueprintDir: string, options: CostCliOptions, ctx: CliContext): ProjectConfig {
  try {
    return loadConfig({
      startDir: options.config ? ctx.cwd : blueprintDir,
      ...(options.config ? { configPath: options.config } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function loadBlueprint(file: string): Scenario {
  if (!existsSync(file)) throw new UsageError(`blueprint file not found: ${file}`);
  try {
    return loadScenarioFile(file, { registry: defaultRegistry });
  } catch (error) {
    if (error instanceof BlueprintError) throw new UsageError(error.message);
    throw error;
  }
}

function readJson(ctx: CliContext, path: string, option: string): unknown {
  const file = resolve(ctx.cwd, path);
  if (!existsSync(file)) throw new UsageError(`${option}: file not found: ${file}`);
  const parsed = parseJsonText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new UsageError(`${option} ${file}: ${parsed.problem.message}`);
  return parsed.value;
}

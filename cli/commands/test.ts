import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { isMakeErrorType, type MakeErrorType } from '../../engine/errors/make-error.ts';
import { coverageOf, formatCoverage } from '../../test-runner/coverage.ts';
import { discoverTestFiles } from '../../test-runner/discover.ts';
import { loadBlueprintForTests } from '../../test-runner/environment.ts';
import { parseFaultTypes } from '../../test-runner/faults/fault-plan.ts';
import { faultFindings, formatFaults } from '../../test-runner/faults/format-faults.ts';
import { type FaultReport, runAllFaults } from '../../test-runner/faults/run-faults.ts';
import { starterPath, writeStarter } from '../../test-runner/init.ts';
import { jsonReport } from '../../test-runner/reporters/json.ts';
import { junitReport } from '../../test-runner/reporters/junit.ts';
import { prettySummary, progressLine } from '../../test-runner/reporters/pretty.ts';
import { runSuite } from '../../test-runner/run-suite.ts';
import { parseShard, type Shard, shardFiles } from '../../test-runner/shard.ts';
import { watchTests } from '../../test-runner/watch.ts';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';
import { ALLOW_NET_HELP, type AllowNet, collectHost } from './run-inputs.ts';

interface TestOptions {
  filter?: string;
  reporter: string;
  output?: string;
  update?: boolean;
  coverage?: boolean;
  init?: string;
  allowNet?: AllowNet;
  faults?: string | true;
  faultTypes?: string;
  workers?: string;
  shard?: string;
  watch?: boolean;
}

export const registerTest: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('test')
    .description('Run scenario test files (*.test.json, *.test.yaml) offline')
    .argument('[paths...]', 'test files or directories to search (default: current directory)')
    .option('--filter <text>', 'only cases whose name contains the text')
    .option('--reporter <name>', 'pretty | json | junit', 'pretty')
    .option('--output <file>', 'write the json/junit report to a file instead of stdout')
    .option('--update', 'record snapshots instead of comparing them')
    .option('--coverage', 'list routes, branches, error routes, filters and modules no case exercised')
    .option('--init <blueprint>', 'write a starter test file for a blueprint and exit')
    .option('--allow-net [host]', ALLOW_NET_HELP, collectHost)
    .option(
      '--faults [mode]',
      're-run cases with each error-routed module failing; report (default) or strict',
    )
    .option(
      '--fault-types <types>',
      'error types to inject (default DataError,RuntimeError,ConnectionError,RateLimitError)',
    )
    .option('--workers <n>', 'worker threads running cases (default: one per core, fewer for small suites)')
    .option('--shard <i/n>', 'run only the i-th of n slices of the test files sorted by path (CI matrix)')
    .option(
      '--watch',
      'after the run, rerun the test files a changed blueprint, test file, fixture or config affects',
    )
    .addHelpText('after', '\nExit code: 0 all cases passed, 1 a case failed, 2 bad usage.')
    .action(async (paths: string[], options: TestOptions) => {
      if (options.init) return initStarter(options.init, ctx);
      ctx.exitCode = await runTests(paths, options, ctx);
      if (options.watch) await watchUntilStopped(paths, options, ctx);
    });
};

function initStarter(blueprint: string, ctx: CliContext): void {
  const path = resolve(ctx.cwd, blueprint);
  if (!existsSync(path)) throw new UsageError(`blueprint file not found: ${path}`);
  const target = starterPath(path);
  if (existsSync(target))
    throw new UsageError(`${target} already exists; edit it, or remove it to start over`);
  const written = writeStarter(loadBlueprintForTests(path), path);
  ctx.out(`wrote ${written.path}\n`);
  if (written.configPath) ctx.out(`wrote ${written.configPath} (data stores and placeholder connections)\n`);
  if (written.missingConfig) {
    ctx.out(
      `add to your makesim.config.json (docs/testing.md "Connections"):\n${JSON.stringify(written.missingConfig, null, 2)}\n`,
    );
  }
}

async function runTests(paths: string[], options: TestOptions, ctx: CliContext): Promise<number> {
  if (!['pretty', 'json', 'junit'].includes(options.reporter)) {
    throw new UsageError(`unknown reporter "${options.reporter}": use pretty, json or junit`);
  }
  const workers = parseWorkers(options.workers);
  const shard = options.shard === undefined ? undefined : usage(() => parseShard(options.shard!));
  const all = usage(() => discoverTestFiles(paths, ctx.cwd));
  if (all.length === 0) throw new UsageError('no test files (*.test.json, *.test.yaml) found');
  const files = shard ? shardFiles(all, shard) : all;
  if (files.length === 0) {
    ctx.out(`shard ${shardText(shard)}: no test files (${all.length} file(s) over ${shard?.count} shards)\n`);
    return 0;
  }
  return runFiles(files, { ...options, workers }, ctx);
}

/** Bad usage found by a parser: exit code 2 with its message. */
function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function shardText(shard: Shard | undefined): string {
  return shard ? `${shard.index}/${shard.count}` : '';
}

function parseWorkers(text: string | undefined): number | 'auto' {
  if (text === undefined) return 'auto';
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--workers must be a whole number ≥ 1, not "${text}"`);
  return Number(text);
}

async function runFiles(
  files: string[],
  options: Omit<TestOptions, 'workers'> & { workers: number | 'auto' },
  ctx: CliContext,
): Promise<number> {
  const pretty = options.reporter === 'pretty';
  // Bad --faults words are bad usage before any case runs, not after the whole suite.
  const faultTypes = options.faults ? faultTypesOf(options) : undefined;
  let done = 0;
  const total = { cases: 0 };
  const suite = await runSuite({
    files,
    cwd: ctx.cwd,
    ...(options.filter ? { filter: options.filter } : {}),
    update: options.update ?? false,
    ...(options.allowNet ? { allowNet: options.allowNet } : {}),
    workers: options.workers,
    keepRecords: Boolean(options.coverage || options.faults || options.reporter === 'json'),
    onPlanned: (cases) => {
      total.cases = cases;
    },
    onResult: (result) => {
      done += 1;
      if (pretty) ctx.out(progressLine(result, done, total.cases));
    },
  });
  const coverage = options.coverage ? suite.blueprints.map(coverageOf) : undefined;
  const faults = faultTypes
    ? await runAllFaults(suite.blueprints, {
        types: faultTypes,
        ...(options.allowNet ? { allowNet: options.allowNet } : {}),
      })
    : undefined;
  emitReport(options, ctx, suite, coverage, faults);
  const failed = suite.fileErrors.length > 0 || suite.results.some((r) => !r.passed);
  const strictFaults = options.faults === 'strict' && (faults ?? []).some((f) => faultFindings(f) > 0);
  return failed || strictFaults ? 1 : 0;
}

/** The error types `--faults` injects, from `--fault-types`; bad words are bad usage (exit 2). */
function faultTypesOf(options: Pick<TestOptions, 'faults' | 'faultTypes'>): MakeErrorType[] {
  if (options.faults !== true && options.faults !== 'report' && options.faults !== 'strict')
    throw new UsageError(`--faults takes report or strict, got "${options.faults}"`);
  try {
    return parseFaultTypes(options.faultTypes, isMakeErrorType);
  } catch (error) {
    throw new UsageError(`--fault-types: ${(error as Error).message}`);
  }
}

/** `--watch`: reruns affected test files until Ctrl-C; the exit code is the last run's. */
async function watchUntilStopped(paths: string[], options: TestOptions, ctx: CliContext): Promise<void> {
  const workers = parseWorkers(options.workers);
  const watcher = watchTests({
    paths,
    cwd: ctx.cwd,
    rerun: async (files) => {
      ctx.out(`\nrerunning ${files.length} test file(s) after a change…\n`);
      ctx.exitCode = await runFiles(files, { ...options, workers }, ctx);
    },
  });
  ctx.out('\nwatching blueprints, test files, fixtures and config (Ctrl-C to stop)\n');
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  watcher.close();
}

function emitReport(
  options: Pick<TestOptions, 'reporter' | 'output'>,
  ctx: CliContext,
  suite: Awaited<ReturnType<typeof runSuite>>,
  coverage: ReturnType<typeof coverageOf>[] | undefined,
  faults: FaultReport[] | undefined,
): void {
  if (options.reporter === 'pretty') {
    for (const report of coverage ?? []) ctx.out(formatCoverage(report));
    for (const report of faults ?? []) ctx.out(formatFaults(report));
    ctx.out(prettySummary(suite));
    return;
  }
  const text = options.reporter === 'json' ? jsonReport(suite, coverage, faults) : junitReport(suite);
  if (!options.output) {
    ctx.out(text);
    return;
  }
  const target = resolve(ctx.cwd, options.output);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  ctx.out(prettySummary(suite));
}

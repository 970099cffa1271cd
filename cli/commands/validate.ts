/**
 * `makesim validate <files or dirs…> [--json] [--quiet]`: loads each blueprint without running
 * it and reports every problem (JSON pointer, code, hint), the app modules that will need
 * mocks, and how much of it makesim models. Exit 1 when any blueprint has errors (warnings do
 * not fail), 2 on bad usage.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { analyseAll, readBlueprintFile } from '../../engine/blueprint/load.ts';
import { type BlueprintReport, buildReport } from '../../engine/blueprint/report.ts';
import type { ModuleRegistry } from '../../engine/registry/registry.ts';
import { defaultRegistry } from '../../modules/index.ts';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';

interface ValidateOptions {
  json?: boolean;
  quiet?: boolean;
  strict?: boolean;
}

/** Files that sit beside blueprints but are not blueprints (test files, inputs, mocks, config). */
const NOT_BLUEPRINTS = /(\.(test|input|mocks|expect|snap)\.json|^makesim\.config\.json)$/;

export const registerValidate: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('validate')
    .description('Check blueprints without running them: problems, mocks needed, fidelity')
    .argument('<paths...>', 'blueprint files, or directories of *.json blueprints')
    .option('--json', 'print an array of per-file reports as JSON')
    .option('--quiet', 'print only blueprints with errors, and a one-line total')
    .option('--strict', 'fail on warnings too (formulas that do not parse, unknown functions, …)')
    .addHelpText(
      'after',
      '\nExit code: 0 no errors (warnings allowed unless --strict), 1 some blueprint has errors, 2 bad usage.\n' +
        'In a directory, *.test.json, *.input.json, *.mocks.json and makesim.config.json are skipped.',
    )
    .action((paths: string[], options: ValidateOptions) => {
      const reports = expandPaths(paths, ctx.cwd).map((file) => validateFile(file, defaultRegistry, ctx.cwd));
      if (options.json) ctx.out(`${JSON.stringify(reports, null, 2)}\n`);
      else printReports(reports, Boolean(options.quiet), ctx);
      const failing = (r: BlueprintReport) => r.errors > 0 || (options.strict === true && r.warnings > 0);
      ctx.exitCode = reports.some(failing) ? 1 : 0;
    });
};

function validateFile(file: string, registry: ModuleRegistry, cwd: string): BlueprintReport {
  const shown = relative(cwd, file) || file;
  const read = readBlueprintFile(file);
  if (!read.ok) return buildReport(shown, undefined, [read.problem]);
  const { scenario, problems } = analyseAll(read.value, { registry, source: shown });
  return buildReport(shown, scenario, problems);
}

function expandPaths(paths: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`${given}: no such file or directory`);
    }
    if (isDir) files.push(...jsonFilesIn(path));
    else files.push(path);
  }
  if (files.length === 0) throw new UsageError(`no .json blueprints found in ${paths.join(', ')}`);
  return files;
}

function jsonFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return jsonFilesIn(path);
      return entry.name.endsWith('.json') && !NOT_BLUEPRINTS.test(entry.name) ? [path] : [];
    });
}

function printReports(reports: readonly BlueprintReport[], quiet: boolean, ctx: CliContext): void {
  for (const report of reports) {
    if (!quiet || report.errors > 0) ctx.out(formatReport(report, quiet));
  }
  const failed = reports.filter((r) => r.errors > 0).length;
  const errors = reports.reduce((n, r) => n + r.errors, 0);
  const warnings = reports.reduce((n, r) => n + r.warnings, 0);
  const line = `${reports.length} blueprint(s): ${reports.length - failed} ok, ${failed} with errors (${errors} error(s), ${warnings} warning(s))`;
  ctx.out(`${failed > 0 ? pc.red(line) : pc.green(line)}\n`);
}

function formatReport(report: BlueprintReport, quiet: boolean): string {
  const mark = report.errors > 0 ? pc.red('✗') : pc.green('✓');
  const name = report.name ? ` (${report.name})` : '';
  const lines = [`${mark} ${report.file}${name}: ${report.errors} error(s), ${report.warnings} warning(s)`];
  for (const p of report.problems) {
    if (quiet && p.severity !== 'error') continue;
    const severity = p.severity === 'error' ? pc.red('error  ') : pc.yellow('warning');
    lines.push(`  ${severity} ${p.pointer || '/'} [${p.code}] ${p.message}`);
    if (p.hint) lines.push(`          ${pc.dim(`hint: ${p.hint}`)}`);
  }
  if (!quiet) lines.push(...summary(report));
  return `${lines.join('\n')}\n`;
}

function summary(report: BlueprintReport): string[] {
  const { modules, functions } = report.fidelity;
  const mocks = report.mocksNeeded.map((m) => `${m.id} ${m.module}`).join(', ');
  const unknown = functions.unknown.length > 0 ? ` (unknown: ${functions.unknown.join(', ')})` : '';
  return [
    `  modules: ${modules.full} fully modelled, ${modules.partial} partly, ${modules.mocked} mocked`,
    `  functions: ${functions.known.length} known, ${functions.unknown.length} unknown${unknown}`,
    ...(mocks ? [`  needs mocks: ${mocks}`] : []),
  ];
}

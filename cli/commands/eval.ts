/**
 * `makesim eval '<template>'`: evaluates one IML template (Make's help: https://help.make.com/mapping)
 * against bundles from a JSON file, for trying formulas out. Exit 1 on a syntax or evaluation error.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { ExpressionError } from '../../engine/errors/expression-error.ts';
import { MakeError } from '../../engine/errors/make-error.ts';
import { isZone } from '../../engine/expression/dates/zone.ts';
import { compileTemplate } from '../../engine/expression/index.ts';
import type { EvalContext, VariableScopes } from '../../engine/expression/types.ts';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';

interface EvalOptions {
  data?: string;
  timezone: string;
  now?: string;
  raw?: boolean;
}

export const registerEval: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('eval')
    .description('Evaluate one IML template ({{…}}) and print the result as JSON')
    .argument('<template>', 'the template, e.g. "{{upper(1.name)}}"')
    .option(
      '--data <file>',
      'JSON file of bundles by module id: {"1": {...}, "var": {"organization": {...}}}',
    )
    .option('--timezone <zone>', 'IANA timezone for date functions', 'UTC')
    .option('--now <iso>', 'the execution time (`now`), ISO 8601 (default: the current time)')
    .option('--raw', 'print a text result bare instead of as JSON')
    .addHelpText('after', '\nExit code: 0 evaluated, 1 syntax or evaluation error, 2 bad usage.')
    .action((template: string, options: EvalOptions) => {
      ctx.exitCode = evaluate(template, buildContext(options, ctx), options, ctx);
    });
};

function evaluate(template: string, evalCtx: EvalContext, options: EvalOptions, ctx: CliContext): number {
  try {
    const value = compileTemplate(template).evaluate(evalCtx);
    ctx.out(`${options.raw && typeof value === 'string' ? value : (JSON.stringify(value) ?? '')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ExpressionError) ctx.err(caretReport(error));
    else if (error instanceof MakeError) ctx.err(`${pc.red('error:')} ${error.type}: ${error.message}\n`);
    else throw error;
    return 1;
  }
}

/** The template, a caret under the failing position, and the message. */
export function caretReport(error: ExpressionError): string {
  const lines = error.source.split('\n');
  let offset = error.position;
  let row = 0;
  while (row < lines.length - 1 && offset > (lines[row]?.length ?? 0)) {
    offset -= (lines[row]?.length ?? 0) + 1;
    row++;
  }
  const shown = lines[row] ?? '';
  return `${shown}\n${' '.repeat(offset)}${pc.red('^')}\n${pc.red('error:')} ${error.message} [${error.code}]\n`;
}

function buildContext(options: EvalOptions, ctx: CliContext): EvalContext {
  const data = options.data === undefined ? {} : readData(resolve(ctx.cwd, options.data));
  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${options.now}" is not an ISO 8601 date`);
  checkTimezone(options.timezone);
  const vars = (isRecord(data.var) ? data.var : {}) as VariableScopes;
  return {
    output: (id) => (Object.hasOwn(data, String(id)) ? data[String(id)] : undefined),
    vars,
    now,
    timezone: options.timezone,
    executionId: randomUUID().replaceAll('-', ''),
    random: Math.random,
    uuid: randomUUID,
  };
}

function readData(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--data ${path}: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) throw new UsageError(`--data ${path}: expected a JSON object like {"1": {...}}`);
  return parsed;
}

function checkTimezone(zone: string): void {
  if (!isZone(zone)) {
    throw new UsageError(`--timezone "${zone}" is not an IANA timezone (e.g. Europe/Prague, UTC)`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

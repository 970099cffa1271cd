/**
 * `makesim datastore …`: look at and edit the project's data stores (https://help.make.com/data-stores)
 * in the database of makesim.config.json, the same one `makesim run` and the server use.
 * Exit codes: 0 done, 1 a data store refused (missing key, structure, space), 2 bad usage.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { MakeError } from '../../engine/errors/make-error.ts';
import type { CliContext, RegisterCommand } from '../context.ts';
import { actions, openPort } from './datastore-actions.ts';

function run(ctx: CliContext, name: string, args: string[], command: Command): void {
  const options = command.optsWithGlobals<Record<string, unknown>>();
  const port = openPort(ctx, typeof options.config === 'string' ? options.config : undefined);
  try {
    ctx.exitCode = actions(ctx)[name]?.(port, args, options) ?? 2;
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    const hint = typeof error.details?.hint === 'string' ? `\n  ${error.details.hint}` : '';
    ctx.err(`${pc.red('error:')} ${error.type}: ${error.message}${hint}\n`);
    ctx.exitCode = 1;
  } finally {
    port.close();
  }
}

const SUBCOMMANDS: Array<{ usage: string; description: string; csv?: boolean }> = [
  { usage: 'list', description: 'List the data stores with record counts and sizes' },
  { usage: 'show <store>', description: 'Print every record of a store as JSON' },
  { usage: 'get <store> <key>', description: "Print one record's fields as JSON" },
  {
    usage: 'put <store> <key> <json>',
    description: 'Add or replace a record (checked against the data structure)',
  },
  { usage: 'delete <store> <key>', description: 'Delete one record' },
  {
    usage: 'import <store> <file>',
    description: 'Add records from a .json ([{key,data}] or {key: fields}) or .csv file',
  },
  { usage: 'export <store>', description: 'Print all records as JSON, or CSV with --csv', csv: true },
];

export const registerDatastore: RegisterCommand = (program: Command, ctx: CliContext) => {
  const parent = program
    .command('datastore')
    .description('Inspect and edit the data stores in the project database')
    .option('--config <file>', 'project config (default: makesim.config.json here or in a parent directory)')
    .addHelpText('after', '\nExit code: 0 done, 1 refused by the data store, 2 bad usage.');
  for (const sub of SUBCOMMANDS) {
    const name = sub.usage.split(' ')[0] ?? sub.usage;
    const command = parent.command(sub.usage).description(sub.description);
    if (sub.csv) command.option('--csv', 'write RFC 4180 CSV instead of JSON');
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) })
      .action((...args: unknown[]) => {
        const cmd = args[args.length - 1] as Command;
        run(ctx, name, cmd.args, cmd);
      });
  }
};

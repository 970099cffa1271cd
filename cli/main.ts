import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { commandsFor } from './commands/index.ts';
import { type CliContext, UsageError } from './context.ts';

// By the package's own name (package.json "exports"), so the same line works from the sources
// and from dist/, which sit at different depths below package.json.
const pkg = createRequire(import.meta.url)('makesim/package.json') as { version: string };

/** The program with the commands this command line needs (cli/commands/index.ts loads them). */
export async function buildProgram(ctx: CliContext, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('makesim')
    .description('Run Make.com scenario blueprints on your own machine.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  const registers = await Promise.all(commandsFor(argv).map((entry) => entry.load()));
  for (const register of registers) register(program, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 1 failing result, 2 bad usage. */
export async function main(argv: readonly string[], ctx: Partial<CliContext> = {}): Promise<number> {
  const context: CliContext = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    exitCode: 0,
    ...ctx,
  };
  try {
    const program = await buildProgram(context, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return exitCodeFor(error, context);
  }
}

function exitCodeFor(error: unknown, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    const shown = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    return shown.includes(error.code) || error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    ctx.err(`${pc.red('error:')} ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.err(`${pc.red('error:')} ${message}\n`);
  return 1;
}

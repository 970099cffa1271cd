/**
 * `makesim pull --zone <host> --token <t> --scenario <id> [--out dir]`: a scenario, its data
 * stores and its incomplete executions from a Make zone, as a blueprint, config and test file
 * (cli/commands/pull-scenario.ts, loaded on demand with the SDK).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';

interface PullFlags {
  zone: string;
  token?: string;
  scenario: string;
  out?: string;
}

export const registerPull: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('pull')
    .description(
      'Fetch a scenario, its data stores and incomplete executions from Make (or makesim serve) as local test material',
    )
    .requiredOption('--zone <host>', 'Make zone (eu1.make.com), or http://127.0.0.1:PORT for makesim serve')
    .option('--token <token>', 'API token (default: $MAKE_API_TOKEN)')
    .requiredOption('--scenario <id>', 'scenario id')
    .option('--out <dir>', 'directory to write into (default: the current one)')
    .action(async (flags: PullFlags) => {
      const token = flags.token ?? ctx.env.MAKE_API_TOKEN;
      if (!token) throw new UsageError('no API token: pass --token or set MAKE_API_TOKEN');
      if (!/^\d+$/.test(flags.scenario))
        throw new UsageError(`scenario id "${flags.scenario}" is not a number`);
      const { pullScenario } = await import('./pull-scenario.ts');
      let result: Awaited<ReturnType<typeof pullScenario>>;
      try {
        result = await pullScenario({
          zone: flags.zone,
          token,
          scenarioId: Number(flags.scenario),
          outDir: resolve(ctx.cwd, flags.out ?? '.'),
        });
      } catch (error) {
        throw new UsageError(`pull failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      ctx.out(
        `wrote ${result.blueprintPath}\nwrote ${result.testPath} (${result.incomplete} incomplete execution(s) as cases)\n`,
      );
      if (result.configPath) ctx.out(`wrote ${result.configPath}\n`);
      if (result.missingConfig)
        ctx.out(`add to your makesim.config.json:\n${JSON.stringify(result.missingConfig, null, 2)}\n`);
    });
};

/**
 * `makesim fixtures import <module-id> <file> --test <file> [--input <file>] [--case <name>] [--seed]`:
 * Make's downloaded bundles into a test file (test-runner/fixtures-import.ts, loaded on demand).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';

interface ImportFlags {
  test: string;
  input?: string;
  case?: string;
  seed?: boolean;
}

export const registerFixtures: RegisterCommand = (program: Command, ctx: CliContext) => {
  const fixtures = program
    .command('fixtures')
    .description('Turn bundles from real Make runs into test fixtures');
  fixtures
    .command('import')
    .description(
      "Import a module's bundles downloaded from Make's scenario editor as a mock (or a Sheets fake seed)",
    )
    .argument('<module-id>', 'the module the bundles belong to')
    .argument('<file>', 'output bundles as Make downloads them: [{…}, …], or an array of those per operation')
    .requiredOption('--test <file>', 'the test file to write into')
    .option('--input <file>', 'the same run\'s downloaded input bundles: each becomes its response\'s "when"')
    .option('--case <name>', 'the case to write into (default: the first)')
    .option('--seed', 'write Google Sheets row bundles as a google-sheets fake seed')
    .action(async (moduleId: string, file: string, flags: ImportFlags) => {
      if (!/^\d+$/.test(moduleId)) throw new UsageError(`module id "${moduleId}" is not a number`);
      const { importFixture, FixtureError } = await import('../../test-runner/fixtures-import.ts');
      try {
        const done = importFixture({
          moduleId: Number(moduleId),
          outputFile: resolve(ctx.cwd, file),
          ...(flags.input ? { inputFile: resolve(ctx.cwd, flags.input) } : {}),
          testFile: resolve(ctx.cwd, flags.test),
          ...(flags.case ? { caseName: flags.case } : {}),
          seed: flags.seed === true,
        });
        ctx.out(`wrote ${done.wrote} into case "${done.caseName}" of ${flags.test}\n`);
      } catch (error) {
        if (error instanceof FixtureError) throw new UsageError(error.message);
        throw error;
      }
    });
};

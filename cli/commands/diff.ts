/**
 * `makesim diff <old.blueprint> <new.blueprint> [--test file] [--json]`: runs the same cases on
 * both versions and reports, per case, changed outputs, modules run, operations and credits
 * (test-runner/diff-runs.ts, loaded on demand). Exit 0 no change, 1 some case changed, 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type CliContext, type RegisterCommand, UsageError } from '../context.ts';

export const registerDiff: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('diff')
    .description('Run the same test cases on two versions of a blueprint and report what changed')
    .argument('<old>', 'the blueprint as it is (e.g. as exported from Make)')
    .argument('<new>', 'the changed blueprint')
    .option('--test <file>', "test file whose cases to run (default: the old blueprint's <name>.test.json)")
    .option('--json', 'print the per-case differences as JSON')
    .action(async (oldPath: string, newPath: string, options: { test?: string; json?: boolean }) => {
      const [{ loadBlueprintForTests }, { loadTestFile }, { diffCases, formatDiff }, { starterPath }] =
        await Promise.all([
          import('../../test-runner/environment.ts'),
          import('../../test-runner/load-test-file.ts'),
          import('../../test-runner/diff-runs.ts'),
          import('../../test-runner/init.ts'),
        ]);
      const oldFile = resolve(ctx.cwd, oldPath);
      const newFile = resolve(ctx.cwd, newPath);
      for (const file of [oldFile, newFile])
        if (!existsSync(file)) throw new UsageError(`${file}: no such blueprint`);
      const testPath = options.test ? resolve(ctx.cwd, options.test) : starterPath(oldFile);
      if (!existsSync(testPath)) {
        throw new UsageError(
          `${testPath}: no test file; pass --test, or write one with makesim test --init ${oldPath}`,
        );
      }
      const file = loadTestFile(testPath);
      const diffs = await diffCases(
        { scenario: loadBlueprintForTests(oldFile), blueprintPath: oldFile },
        { scenario: loadBlueprintForTests(newFile), blueprintPath: newFile },
        file,
      );
      ctx.out(options.json ? `${JSON.stringify(diffs, null, 2)}\n` : formatDiff(diffs));
      ctx.exitCode = diffs.some((d) => d.changed) ? 1 : 0;
    });
};

/** Runs the makesim CLI in-process (`main(argv, ctx)`) and captures what it prints. */
import { stripVTControlCharacters } from 'node:util';
import type { CliContext } from '../../cli/context.ts';
import { main } from '../../cli/main.ts';

/** Everything written so far; the fields grow while a command runs. */
export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * An env for commands that read it. Colours are decided by picocolors from the process env at
 * import (CI=true turns them on), so captured output is stripped of ANSI codes below instead.
 */
export const NO_COLOR_ENV: Readonly<Record<string, string>> = { NO_COLOR: '1' };

/**
 * A context whose `out`/`err` append to `io`, for tests that call `main(argv, ctx)` themselves.
 * Without `cwd` it is left out and main() falls back to process.cwd().
 */
export function captureOutput(cwd?: string): { io: CapturedOutput; ctx: Partial<CliContext> } {
  const io: CapturedOutput = { stdout: '', stderr: '' };
  const ctx: Partial<CliContext> = {
    ...(cwd === undefined ? {} : { cwd }),
    out: (s) => {
      io.stdout += stripVTControlCharacters(s);
    },
    err: (s) => {
      io.stderr += stripVTControlCharacters(s);
    },
  };
  return { io, ctx };
}

/** Runs one command line; `ctx` sets cwd/env (env defaults to process.env, as in main()). */
export async function runCli(
  argv: readonly string[],
  ctx: Pick<Partial<CliContext>, 'cwd' | 'env'> = {},
): Promise<CliResult> {
  const { io, ctx: capture } = captureOutput();
  const code = await main(argv, { ...ctx, ...capture });
  return { code, out: io.stdout, err: io.stderr };
}

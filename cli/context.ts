import type { Command } from 'commander';

/** What a command may touch: its output streams and where it runs. Tests pass their own. */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Set by a command's action: 0 success, 1 failing result, 2 bad usage. */
  exitCode: number;
}

/** Bad usage found by a command itself (missing file, malformed option): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Each command file exports one of these; cli/main.ts lists them. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

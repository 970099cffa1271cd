import type { RegisterCommand } from '../context.ts';

/** Every subcommand, in the order `makesim --help` lists them. */
export const commands: readonly RegisterCommand[] = [];

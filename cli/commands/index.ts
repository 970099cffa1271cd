import type { RegisterCommand } from '../context.ts';
import { registerDatastore } from './datastore.ts';
import { registerEval } from './eval.ts';
import { registerRun } from './run.ts';
import { registerValidate } from './validate.ts';

/** Every subcommand, in the order `makesim --help` lists them. */
export const commands: readonly RegisterCommand[] = [registerRun, registerEval, registerValidate, registerDatastore];

import type { RegisterCommand } from '../context.ts';
import { registerCost } from './cost.ts';
import { registerDatastore } from './datastore.ts';
import { registerDiff } from './diff.ts';
import { registerEval } from './eval.ts';
import { registerFixtures } from './fixtures.ts';
import { registerPull } from './pull.ts';
import { registerRun } from './run.ts';
import { registerServe } from './serve.ts';
import { registerTest } from './test.ts';
import { registerValidate } from './validate.ts';

/** Every subcommand, in the order `makesim --help` lists them. */
export const commands: readonly RegisterCommand[] = [
  registerRun,
  registerTest,
  registerEval,
  registerValidate,
  registerDatastore,
  registerServe,
  registerCost,
  registerFixtures,
  registerDiff,
  registerPull,
];

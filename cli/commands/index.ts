import type { RegisterCommand } from '../context.ts';

/**
 * A subcommand by name, and how to load its file. A command's file (and through it the data
 * store, the server, the test runner, …) is imported only when that command runs or when the
 * full command list is shown (`--help`, an unknown command): `makesim --version` or
 * `makesim eval` never load the server. To add a command, add one line here.
 */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

/** Every subcommand, in the order `makesim --help` lists them. */
export const commands: readonly CommandEntry[] = [
  { name: 'run', load: async () => (await import('./run.ts')).registerRun },
  { name: 'test', load: async () => (await import('./test.ts')).registerTest },
  { name: 'eval', load: async () => (await import('./eval.ts')).registerEval },
  { name: 'validate', load: async () => (await import('./validate.ts')).registerValidate },
  { name: 'datastore', load: async () => (await import('./datastore.ts')).registerDatastore },
  { name: 'serve', load: async () => (await import('./serve.ts')).registerServe },
  { name: 'cost', load: async () => (await import('./cost.ts')).registerCost },
  { name: 'fixtures', load: async () => (await import('./fixtures.ts')).registerFixtures },
  { name: 'diff', load: async () => (await import('./diff.ts')).registerDiff },
  { name: 'pull', load: async () => (await import('./pull.ts')).registerPull },
];

/**
 * The commands to register for one command line: the one it names (its first word that is not
 * an option: makesim itself takes no option with a value), none for a bare `--version`, and
 * all of them otherwise, so that help and "unknown command" list every command.
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const word = argv.find((arg) => !arg.startsWith('-'));
  const named = commands.find((entry) => entry.name === word);
  if (named) return [named];
  const versionOnly = word === undefined && argv.some((arg) => arg === '-v' || arg === '--version');
  return versionOnly ? [] : commands;
}

import { describe, expect, it } from 'vitest';
import { commands, commandsFor } from '../../../cli/commands/index.ts';
import { main } from '../../../cli/main.ts';
import { captureOutput } from '../../helpers/cli.ts';

const names = (argv: string[]) => commandsFor(argv).map((entry) => entry.name);

describe('which command files a command line loads', () => {
  it('loads only the command it names, wherever its options are', () => {
    expect(names(['eval', '{{1+1}}'])).toEqual(['eval']);
    expect(names(['validate', 'x.json', '--json'])).toEqual(['validate']);
    expect(names(['run', '--help'])).toEqual(['run']);
  });

  it('loads none for --version and all for help or an unknown command', () => {
    expect(names(['--version'])).toEqual([]);
    expect(names(['-v'])).toEqual([]);
    const all = commands.map((entry) => entry.name);
    expect(names(['--help'])).toEqual(all);
    expect(names([])).toEqual(all);
    expect(names(['help', 'run'])).toEqual(all);
    expect(names(['no-such-command'])).toEqual(all);
  });

  it('still lists every command in --help', async () => {
    const { io, ctx } = captureOutput();
    expect(await main(['--help'], ctx)).toBe(0);
    for (const entry of commands) expect(io.stdout).toMatch(new RegExp(`^\\s+${entry.name}\\b`, 'm'));
  });
});

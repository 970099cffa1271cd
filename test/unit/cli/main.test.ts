import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { captureOutput } from '../../helpers/cli.ts';

describe('makesim CLI', () => {
  it('prints the package version with --version and exits 0', async () => {
    const { io, ctx } = captureOutput();
    expect(await main(['--version'], ctx)).toBe(0);
    expect(io.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on an unknown command', async () => {
    const { io, ctx } = captureOutput();
    expect(await main(['no-such-command'], ctx)).toBe(2);
    expect(io.stderr).toMatch(/error/);
  });
});

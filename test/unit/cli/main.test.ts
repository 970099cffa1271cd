import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';

function capture() {
  const io = { stdout: '', stderr: '' };
  return {
    io,
    ctx: {
      out: (s: string) => {
        io.stdout += s;
      },
      err: (s: string) => {
        io.stderr += s;
      },
    },
  };
}

describe('makesim CLI', () => {
  it('prints the package version with --version and exits 0', async () => {
    const { io, ctx } = capture();
    expect(await main(['--version'], ctx)).toBe(0);
    expect(io.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on an unknown command', async () => {
    const { io, ctx } = capture();
    expect(await main(['no-such-command'], ctx)).toBe(2);
    expect(io.stderr).toMatch(/error/);
  });
});

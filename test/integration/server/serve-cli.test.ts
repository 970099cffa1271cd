import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';

/** Runs the CLI and returns its exit code and error output. */
async function serve(args: string[]): Promise<{ code: number; err: string }> {
  const errors: string[] = [];
  const code = await main(['serve', '.', ...args], {
    out: () => undefined,
    err: (text) => errors.push(text),
  });
  return { code, err: errors.join('') };
}

describe('makesim serve (command line)', () => {
  it('exits 2 with a message naming the option for an unknown clock', async () => {
    const { code, err } = await serve(['--clock', 'sundial']);
    expect(code).toBe(2);
    expect(err).toContain('--clock');
  });

  it('exits 2 for a port that is not a number', async () => {
    const { code, err } = await serve(['--port', 'eighty']);
    expect(code).toBe(2);
    expect(err).toContain('--port');
  });
});

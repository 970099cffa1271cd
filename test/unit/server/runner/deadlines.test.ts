import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deadlines } from '../../../../server/runner/deadlines.ts';

beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] }));
afterEach(() => vi.useRealTimers());

describe('Deadlines (one sweep for every held caller)', () => {
  it('expires each entry once its timeout has passed, and not before', () => {
    const deadlines = new Deadlines(1000);
    const expired: string[] = [];
    deadlines.add(() => expired.push('a'));
    vi.advanceTimersByTime(500);
    deadlines.add(() => expired.push('b'));
    vi.advanceTimersByTime(400);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(200); // a is 1,100 ms old, b 600 ms
    expect(expired).toEqual(['a']);
    vi.advanceTimersByTime(500);
    expect(expired).toEqual(['a', 'b']);
  });

  it('never expires a cancelled entry, and stops sweeping when nothing is left', () => {
    const deadlines = new Deadlines(100);
    const expired: string[] = [];
    const key = deadlines.add(() => expired.push('cancelled'));
    deadlines.add(() => expired.push('kept'));
    deadlines.cancel(key);
    vi.advanceTimersByTime(200);
    expect(expired).toEqual(['kept']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps sweeping until one sweep finds nothing, rather than re-arming per held caller', () => {
    const deadlines = new Deadlines(100); // sweeps every 10 ms
    deadlines.cancel(deadlines.add(() => undefined));
    expect(vi.getTimerCount()).toBe(1);
    const expired: string[] = [];
    deadlines.add(() => expired.push('next'));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(110);
    expect(expired).toEqual(['next']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('expires everything at once when the server closes', () => {
    const deadlines = new Deadlines(180_000);
    const expired: number[] = [];
    for (let i = 0; i < 3; i++) deadlines.add(() => expired.push(i));
    deadlines.expireAll();
    expect(expired).toEqual([0, 1, 2]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { newExecutionId } from '../../../../server/runner/run-request.ts';

describe('execution ids (32 hex digits, as Make writes them)', () => {
  it('are 32 lowercase hex digits', () => {
    expect(newExecutionId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sort by the time they were made, so history rows append to the id index', () => {
    const earlier = newExecutionId(Date.parse('2026-11-22T08:00:00.000Z'));
    const later = newExecutionId(Date.parse('2026-11-22T08:00:00.001Z'));
    expect(earlier < later).toBe(true);
    expect(earlier.slice(0, 12)).toBe(Date.parse('2026-11-22T08:00:00.000Z').toString(16).padStart(12, '0'));
  });

  it('differ within one millisecond', () => {
    const now = Date.parse('2026-11-22T08:00:00.000Z');
    const ids = new Set(Array.from({ length: 1000 }, () => newExecutionId(now)));
    expect(ids.size).toBe(1000);
  });

  it('draw all 20 digits after the time at random (no fixed UUID version or variant digit)', () => {
    const ids = Array.from({ length: 2000 }, () => newExecutionId(0));
    for (let position = 12; position < 32; position++) {
      const seen = new Set(ids.map((id) => id[position]));
      expect(seen.size, `digit ${position}`).toBe(16);
    }
  });
});

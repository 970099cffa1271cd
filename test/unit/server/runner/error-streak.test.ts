import { describe, expect, it } from 'vitest';
import { nextStreak } from '../../../../server/runner/error-streak.ts';

const failed = (type: string, counts = true) => ({
  status: 'error' as const,
  error: { type, name: type, message: 'boom' },
  consecutiveErrors: { counts, deactivateNow: false },
});
const scheduled = { immediate: false, maxErrors: 3, current: 0 };

describe('consecutive errors and deactivation (https://help.make.com/overview-of-error-handling)', () => {
  it('counts an ordinary error on a scheduled scenario and switches it off at maxErrors', () => {
    expect(nextStreak(failed('DataError'), scheduled)).toEqual({ count: 1, deactivate: false });
    expect(nextStreak(failed('DataError'), { ...scheduled, current: 2 })).toEqual({
      count: 3,
      deactivate: true,
    });
  });

  it('switches an immediately-run webhook scenario off at its first error', () => {
    expect(nextStreak(failed('DataError'), { ...scheduled, immediate: true })).toEqual({
      count: 1,
      deactivate: true,
    });
  });

  it('switches any scenario off at once on a fatal error type, whatever maxErrors says', () => {
    for (const type of ['InconsistencyError', 'OperationsLimitExceededError', 'DataSizeLimitExceededError']) {
      expect(nextStreak(failed(type), { ...scheduled, maxErrors: 10 })).toEqual({
        count: 1,
        deactivate: true,
      });
    }
  });

  it('ends the streak on success and keeps it on a warning', () => {
    const success = {
      status: 'success' as const,
      error: null,
      consecutiveErrors: { counts: false, deactivateNow: false },
    };
    const warning = { ...success, status: 'warning' as const };
    expect(nextStreak(success, { ...scheduled, current: 2 })).toEqual({ count: 0, deactivate: false });
    expect(nextStreak(warning, { ...scheduled, current: 2 })).toEqual({ count: 2, deactivate: false });
  });

  it('leaves the count alone for an error the engine says does not count', () => {
    expect(nextStreak(failed('DataError', false), { ...scheduled, current: 1 })).toEqual({
      count: 1,
      deactivate: false,
    });
  });
});

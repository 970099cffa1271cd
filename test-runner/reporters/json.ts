import type { CoverageReport } from '../coverage.ts';
import type { SuiteResult } from '../run-suite.ts';

/** The machine-readable report: every case, file errors, totals, and coverage when asked for. */
export function jsonReport(suite: SuiteResult, coverage?: CoverageReport[]): string {
  const failed = suite.results.filter((r) => !r.passed).length + suite.fileErrors.length;
  return `${JSON.stringify(
    {
      passed: suite.results.length - (failed - suite.fileErrors.length),
      failed,
      results: suite.results,
      fileErrors: suite.fileErrors,
      ...(coverage ? { coverage } : {}),
    },
    null,
    2,
  )}\n`;
}

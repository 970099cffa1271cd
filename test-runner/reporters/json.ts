import { createRedactor } from '../../modules/http/redactor.ts';
import type { CoverageReport } from '../coverage.ts';
import type { FaultReport } from '../faults/run-faults.ts';
import type { SuiteResult } from '../run-suite.ts';
import { blueprintWarnings } from './blueprint-warnings.ts';

/**
 * The machine-readable report: every case (with its record), file errors, the blueprints' loader
 * warnings, totals, coverage and faults when asked for.
 */
export function jsonReport(suite: SuiteResult, coverage?: CoverageReport[], faults?: FaultReport[]): string {
  const failed = suite.results.filter((r) => !r.passed).length + suite.fileErrors.length;
  // Secrets are redacted from what is written, not from what the expectations were checked on.
  const report = createRedactor(suite.secrets ?? []).value({
    passed: suite.results.length - (failed - suite.fileErrors.length),
    failed,
    results: suite.results,
    fileErrors: suite.fileErrors,
    warnings: blueprintWarnings(suite),
    ...(coverage ? { coverage } : {}),
    ...(faults ? { faults } : {}),
  });
  return `${JSON.stringify(report, null, 2)}\n`;
}

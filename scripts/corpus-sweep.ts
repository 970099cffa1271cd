/**
 * Prints the corpus sweep's numbers (issue 12 "Done when"): per blueprint and in total, the exit
 * codes of validate / test --init / test, cases passed and failed, setup failures, `run` statuses,
 * false greens and failure lines without a module. Usage: npx tsx scripts/corpus-sweep.ts
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../test/corpus-runs/select.ts';
import { type SweepResult, sweepOne } from '../test/corpus-sweep/sweep.ts';

const results: SweepResult[] = [];
for (const name of readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  results.push(await sweepOne(join(corpusDir, name)));
}
const count = (pick: (r: SweepResult) => boolean) => results.filter(pick).length;
const sum = (pick: (r: SweepResult) => number) => results.reduce((n, r) => n + pick(r), 0);
const tally = (pick: (r: SweepResult) => string | null) => {
  const out: Record<string, number> = {};
  for (const r of results) out[String(pick(r))] = (out[String(pick(r))] ?? 0) + 1;
  return out;
};
console.log(
  JSON.stringify(
    {
      blueprints: results.length,
      validate: tally((r) => String(r.validateCode)),
      initWritten: count((r) => r.initCode === 0),
      testExit: tally((r) => String(r.testCode)),
      cases: {
        passed: sum((r) => r.cases.passed),
        failed: sum((r) => r.cases.failed),
        setupFailures: sum((r) => r.cases.setupFailures),
      },
      run: tally((r) => r.runStatus),
      runErrorTypes: tally((r) => r.runErrorType),
      falseGreens: results.flatMap((r) => r.falseGreens.map((g) => `${r.blueprint}: ${g}`)),
      anonymousFailures: results.flatMap((r) => r.anonymousFailures.map((g) => `${r.blueprint}: ${g}`)),
    },
    null,
    2,
  ),
);

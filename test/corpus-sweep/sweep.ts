/**
 * The corpus sweep of issue 12 ("Done when"): every corpus blueprint through `makesim validate`,
 * `makesim test --init` + `makesim test`, and `makesim run`, in a temporary directory (the corpus
 * is read, never written or copied into the repository). It collects what the assertions need:
 * cases that passed although an outbound call went unanswered, and failure lines that name no
 * module.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { formatRun } from '../../cli/commands/run-tree.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { loadBlueprintForTests } from '../../test-runner/environment.ts';
import type { CaseResult } from '../../test-runner/types.ts';
import { NO_COLOR_ENV, runCli } from '../helpers/cli.ts';

export interface SweepResult {
  blueprint: string;
  validateCode: number;
  initCode: number;
  testCode: number;
  cases: { passed: number; failed: number; setupFailures: number };
  runStatus: string | null;
  runErrorType: string | null;
  /** Cases or runs that ended well although a call had no answer. */
  falseGreens: string[];
  /** Failure lines (test) or error lines (run) that name no module. */
  anonymousFailures: string[];
}

/** Errors that mean "a call had no answer", whatever layer reported them. */
const UNANSWERED = new RegExp(
  [
    'UND_MOCK|MockNotMatched|no "http" entry|network policy blocks',
    'cannot run offline and has no mock|has only \\d+ response',
    'is not defined in makesim\\.config\\.json|no data stores are configured',
    'no subscenarios are available|Subscenario "[^"]*" is not known',
    'needs a connection, and none is configured',
  ].join('|'),
);

export function unansweredCalls(record: ExecutionRecord): string[] {
  const found: string[] = [];
  for (const m of record.modules) {
    for (const e of [...m.errors, ...m.calls.flatMap((c) => (c.error ? [c.error] : []))]) {
      if (e.type === 'SetupError' || e.type === 'MissingMock' || UNANSWERED.test(e.message))
        found.push(`module ${m.id}: ${e.type}: ${e.message.split('\n')[0]}`);
    }
  }
  const e = record.error;
  if (e && (e.type === 'SetupError' || e.type === 'MissingMock' || UNANSWERED.test(e.message)))
    found.push(`run: ${e.type}`);
  return found;
}

export async function sweepOne(blueprintPath: string): Promise<SweepResult> {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-sweep-'));
  try {
    const local = join(dir, basename(blueprintPath).replace(/\.json$/, '.blueprint.json'));
    copyFileSync(blueprintPath, local);
    const cli = (args: string[]) => runCli(args, { cwd: dir, env: NO_COLOR_ENV });
    const result: SweepResult = {
      blueprint: basename(blueprintPath),
      validateCode: (await cli(['validate', local])).code,
      initCode: (await cli(['test', '--init', local])).code,
      testCode: -1,
      cases: { passed: 0, failed: 0, setupFailures: 0 },
      runStatus: null,
      runErrorType: null,
      falseGreens: [],
      anonymousFailures: [],
    };
    if (result.initCode === 0) await sweepTest(dir, local, result, cli);
    await sweepRun(local, result, cli);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Cli = (args: string[]) => ReturnType<typeof runCli>;

async function sweepTest(dir: string, local: string, result: SweepResult, cli: Cli): Promise<void> {
  const report = join(dir, 'report.json');
  const testFile = local.replace(/\.blueprint\.json$/, '.test.json');
  result.testCode = (await cli(['test', testFile, '--reporter', 'json', '--output', report])).code;
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { results: CaseResult[] };
  for (const r of parsed.results) {
    if (r.passed) {
      result.cases.passed++;
      const unanswered = r.record ? unansweredCalls(r.record) : [];
      if (unanswered.length > 0) result.falseGreens.push(`test › ${r.name}: ${unanswered.join('; ')}`);
      continue;
    }
    result.cases.failed++;
    if (r.failures.some((f) => f.path === 'setup')) result.cases.setupFailures++;
    for (const f of r.failures) {
      if (!f.module && f.path !== 'mocks')
        result.anonymousFailures.push(`test › ${r.name} › ${f.path}: ${f.message}`);
    }
  }
}

async function sweepRun(local: string, result: SweepResult, cli: Cli): Promise<void> {
  const run = await cli(['run', local, '--json']);
  if (run.code !== 0 && run.code !== 1) return;
  const record = JSON.parse(run.out) as ExecutionRecord;
  result.runStatus = record.status;
  result.runErrorType = record.error?.type ?? null;
  if (record.status !== 'error') {
    const unanswered = unansweredCalls(record);
    if (unanswered.length > 0) result.falseGreens.push(`run: ${unanswered.join('; ')}`);
  }
  const text = formatRun(loadBlueprintForTests(local), record);
  for (const line of text.split('\n')) {
    if (/^(error|warning|incomplete execution):/.test(line) && !/^[a-z ]+: module \d+ /.test(line))
      result.anonymousFailures.push(`run › ${line}`);
  }
}

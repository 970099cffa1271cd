/**
 * JUnit XML, the shape CI systems read: <testsuites> of one <testsuite> per test file, one
 * <testcase> per case, <failure> with every difference. Unusable files are <error>s.
 */
import { createRedactor } from '../../modules/http/redactor.ts';
import type { SuiteResult } from '../run-suite.ts';
import type { CaseResult } from '../types.ts';
import { describeFailure } from './describe-failure.ts';

export function junitReport(suite: SuiteResult, timestamp = new Date()): string {
  const byFile = new Map<string, CaseResult[]>();
  for (const r of suite.results) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const suites = [...byFile].map(([file, results]) => testSuite(file, results, timestamp));
  for (const { file, problems } of suite.fileErrors) suites.push(brokenFile(file, problems, timestamp));
  const failures = suite.results.filter((r) => !r.passed).length;
  const time = seconds(suite.results.reduce((t, r) => t + r.durationMs, 0));
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="makesim" tests="${suite.results.length + suite.fileErrors.length}" failures="${failures}" errors="${suite.fileErrors.length}" time="${time}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
  // Failure messages quote inputs: secrets are redacted from the written report (docs/serve.md).
  return createRedactor(suite.secrets ?? []).value(xml);
}

function testSuite(file: string, results: CaseResult[], timestamp: Date): string {
  const failures = results.filter((r) => !r.passed).length;
  const time = seconds(results.reduce((t, r) => t + r.durationMs, 0));
  const cases = results.map((r) => testCase(file, r));
  return [
    `  <testsuite name="${esc(file)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${time}" timestamp="${timestamp.toISOString().slice(0, 19)}">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

function testCase(file: string, r: CaseResult): string {
  const open = `    <testcase name="${esc(r.name)}" classname="${esc(file)}" time="${seconds(r.durationMs)}"`;
  if (r.passed) return `${open}/>`;
  const first = r.failures[0] ? describeFailure(r.failures[0]) : 'failed';
  const body = r.failures.map(describeFailure).join('\n');
  return `${open}>\n      <failure message="${esc(first)}" type="AssertionError">${esc(body)}</failure>\n    </testcase>`;
}

function brokenFile(file: string, problems: string[], timestamp: Date): string {
  return [
    `  <testsuite name="${esc(file)}" tests="1" failures="0" errors="1" skipped="0" time="0.000" timestamp="${timestamp.toISOString().slice(0, 19)}">`,
    `    <testcase name="load" classname="${esc(file)}" time="0.000">`,
    `      <error message="${esc(problems[0] ?? 'unusable test file')}" type="TestFileError">${esc(problems.join('\n'))}</error>`,
    '    </testcase>',
    '  </testsuite>',
  ].join('\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML-escapes text for attributes and content; drops characters XML 1.0 cannot carry. */
function esc(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

import { Ajv } from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junitReport } from '../../../test-runner/reporters/junit.ts';
import type { SuiteResult } from '../../../test-runner/run-suite.ts';

/** The JUnit XML shape CI systems read (testsuites > testsuite > testcase > failure|error), as a JSON schema. */
const junitShape = {
  type: 'object',
  required: ['testsuites'],
  properties: {
    testsuites: {
      type: 'object',
      required: ['@_tests', '@_failures', '@_errors', 'testsuite'],
      properties: {
        testsuite: {
          type: 'array',
          items: {
            type: 'object',
            required: ['@_name', '@_tests', '@_failures', '@_errors', '@_time', 'testcase'],
            properties: {
              testcase: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['@_name', '@_classname', '@_time'],
                  properties: {
                    '@_time': { type: 'string', pattern: '^\\d+\\.\\d{3}$' },
                    failure: { type: 'object', required: ['@_message', '#text'] },
                    error: { type: 'object', required: ['@_message'] },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

const suite: SuiteResult = {
  blueprints: [],
  fileErrors: [{ file: 'broken.test.json', problems: ['/cases/0: unknown key "expcet"'] }],
  results: [
    {
      file: 'a.test.json',
      blueprint: 'a.json',
      name: 'passes',
      passed: true,
      failures: [],
      durationMs: 3,
      operations: 4,
      status: 'success',
    },
    {
      file: 'a.test.json',
      blueprint: 'a.json',
      name: 'fails <with> "quotes" & ampersands',
      passed: false,
      failures: [
        {
          path: 'status',
          message: 'expected status success, got error',
          expected: 'success',
          actual: 'error',
        },
      ],
      durationMs: 12.5,
      operations: 2,
      status: 'error',
    },
  ],
};

function parse(xml: string): unknown {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml);
}

describe('JUnit reporter', () => {
  it('produces XML of the JUnit schema shape', () => {
    const doc = parse(junitReport(suite, new Date('2025-01-01T00:00:00Z')));
    const validate = new Ajv({ allErrors: true }).compile(junitShape);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('counts failures and errors and escapes names', () => {
    const xml = junitReport(suite);
    expect(xml).toMatch(/<testsuites name="makesim" tests="3" failures="1" errors="1"/);
    expect(xml).toContain('name="fails &lt;with&gt; &quot;quotes&quot; &amp; ampersands"');
    const doc = parse(xml) as {
      testsuites: { testsuite: Array<{ testcase: Array<Record<string, unknown>> }> };
    };
    const failing = doc.testsuites.testsuite[0]?.testcase[1];
    expect(failing?.failure).toBeDefined();
    expect(doc.testsuites.testsuite[0]?.testcase[0]?.failure).toBeUndefined();
  });
});

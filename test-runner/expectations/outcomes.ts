/** Expectations on what the run left behind: webhook response, incomplete executions, data stores, HTTP requests. */
import { matchPartial, show } from '../match.ts';
import type { Failure } from '../types.ts';
import type { CheckContext } from './check-context.ts';

export function checkResponse({ expect, record }: CheckContext): Failure[] {
  if (expect.response === undefined) return [];
  if (expect.response === null) {
    return record.response === null
      ? []
      : [
          {
            path: 'response',
            expected: null,
            actual: record.response,
            message: 'expected no webhook response',
          },
        ];
  }
  if (record.response === null) {
    return [
      {
        path: 'response',
        expected: expect.response,
        actual: null,
        message: 'expected a webhook response, none was sent',
      },
    ];
  }
  return matchPartial(expect.response, record.response, 'response');
}

export function checkIncomplete({ expect, record }: CheckContext): Failure[] {
  if (expect.incomplete === undefined) return [];
  if (typeof expect.incomplete === 'number') {
    return record.incomplete.length === expect.incomplete
      ? []
      : [
          {
            path: 'incomplete',
            expected: expect.incomplete,
            actual: record.incomplete.length,
            message: `expected ${expect.incomplete} incomplete execution(s), got ${record.incomplete.length}`,
          },
        ];
  }
  return matchPartial(expect.incomplete, record.incomplete, 'incomplete');
}

export function checkDataStores(ctx: CheckContext): Failure[] {
  const failures: Failure[] = [];
  for (const [store, records] of Object.entries(ctx.expect.dataStores ?? {})) {
    const contents = ctx.storeContents(store);
    if (!contents) {
      failures.push({
        path: `dataStores.${store}`,
        message: `no data store "${store}" in the project config`,
      });
      continue;
    }
    for (const [key, data] of Object.entries(records)) {
      const path = `dataStores.${store}.${key}`;
      const actual = Object.hasOwn(contents, key) ? contents[key] : undefined;
      if (data === null) {
        if (actual !== undefined)
          failures.push({ path, expected: null, actual, message: 'expected the record to be absent' });
      } else if (actual === undefined) {
        failures.push({
          path,
          expected: data,
          actual: undefined,
          message: `expected record "${key}", it does not exist`,
        });
      } else {
        failures.push(...matchPartial(data, actual, path));
      }
    }
  }
  return failures;
}

export function checkHttpRequests({ expect, httpRequests }: CheckContext): Failure[] {
  if (expect.httpRequests === undefined) return [];
  const failures = matchPartial(expect.httpRequests, httpRequests, 'httpRequests');
  if (failures.length > 0 && httpRequests.length === 0) {
    return [
      {
        path: 'httpRequests',
        expected: expect.httpRequests,
        actual: [],
        message: `no HTTP request was sent (expected ${show(expect.httpRequests.length)})`,
      },
    ];
  }
  return failures;
}

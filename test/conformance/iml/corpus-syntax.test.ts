/**
 * Every IML template in the 98 real blueprints parses (function names aside — those are the
 * catalogue's business). Blueprints are read from ../shared/corpus, never copied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../../engine/errors/expression-error.ts';
import type { FunctionSpec } from '../../../engine/expression/functions/types.ts';
import { compileTemplateWith } from '../../../engine/expression/template.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/blueprints');

/**
 * Templates broken in the file itself: a stray backslash (`formatDate(now; \ + "…\")`) or
 * doubled braces (`{{{{33.`0`}}}}`), both from hand-edited JSON rather than Make's UI.
 */
const KNOWN_BROKEN = new Set([
  'J-Ride__Make.com--AI-Proposal-Generator__AI-Proposal-Generator.json#/flow/2/mapper/name',
  'mrlmbrown__make-blueprints__Full-DevOps-CI-CD-Event-Pipeline.json#/flow/1/routes/0/flow/0/mapper/data',
  'mrlmbrown__make-blueprints__Instructor-Onboarding-Automation.json#/flow/1/routes/0/flow/0/mapper/name',
  'mrlmbrown__make-blueprints__Instructor-Onboarding-Automation.json#/flow/1/routes/1/flow/0/mapper/body',
  'mrlmbrown__make-blueprints__Instructor-Onboarding-Automation.json#/flow/1/routes/1/flow/1/mapper/name',
  'mrlmbrown__make-blueprints__Instructor-Onboarding-Automation.json#/flow/1/routes/1/flow/1/mapper/description',
]);

/** Any name is a function taking any number of arguments: this test is about syntax only. */
class AnyFunction extends Map<string, FunctionSpec> {
  override get(name: string): FunctionSpec {
    return { name, minArgs: 0, maxArgs: Number.POSITIVE_INFINITY, impl: () => undefined };
  }
}

function templatesOf(value: unknown, pointer: string, out: [string, string][]): void {
  if (typeof value === 'string') {
    if (value.includes('{{')) out.push([pointer, value]);
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) templatesOf(item, `${pointer}/${i}`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value))
      if (key !== 'metadata') templatesOf(item, `${pointer}/${key}`, out);
  }
}

describe('the corpus of real blueprints', () => {
  it('parses every template', () => {
    const functions = new AnyFunction();
    const failures: string[] = [];
    let count = 0;
    for (const file of readdirSync(corpus).filter((f) => f.endsWith('.json'))) {
      const found: [string, string][] = [];
      templatesOf(JSON.parse(readFileSync(path.join(corpus, file), 'utf8')), '', found);
      for (const [pointer, template] of found) {
        count++;
        try {
          compileTemplateWith(template, { functions });
        } catch (error) {
          if (!(error instanceof ExpressionError)) throw error;
          if (!KNOWN_BROKEN.has(`${file}#${pointer}`))
            failures.push(`${file}#${pointer}: ${error.code} at ${error.position}`);
        }
      }
    }
    expect(count).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  });
});

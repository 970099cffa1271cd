/**
 * How many cases the test files hold, counted without validating them: enough for
 * `--workers auto` to decide at once how many worker threads to start, so that their start-up
 * (loading the engine, ~0.5 s) overlaps this thread's loading of the files (issue 14 §4).
 * A file that is not plain readable JSON (YAML, a syntax error) counts as none: the count only
 * decides how early threads start, never which cases run.
 */
import { readFileSync } from 'node:fs';

export function countCases(files: readonly string[], filter: string | undefined): number {
  const needle = filter?.toLowerCase();
  let count = 0;
  for (const path of files) {
    if (!path.endsWith('.json')) continue;
    try {
      const cases = (JSON.parse(readFileSync(path, 'utf8')) as { cases?: unknown }).cases;
      if (!Array.isArray(cases)) continue;
      count += needle
        ? cases.filter((c) =>
            String((c as { name?: unknown })?.name ?? '')
              .toLowerCase()
              .includes(needle),
          ).length
        : cases.length;
    } catch {
      // Reported when the file is loaded for real.
    }
  }
  return count;
}

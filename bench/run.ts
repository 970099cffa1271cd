/**
 * `npm run bench`: every suite in bench/suites.ts, or only those named on the command line
 * (`npm run bench -- iml engine`).
 */
import { suites } from './suites.ts';

const wanted = process.argv.slice(2);
for (const suite of suites) {
  if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
  console.log(`\n## ${suite.name}: ${suite.title}`);
  await suite.run();
}

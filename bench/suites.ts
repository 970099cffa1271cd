import { cliSuite } from './cli.bench.ts';
import { datastoreSuite } from './datastore.bench.ts';
import { engineSuite } from './engine.bench.ts';
import { fakesSuite } from './fakes.bench.ts';
import { httpSuite } from './http.bench.ts';
import { imlSuite } from './iml.bench.ts';
import { integritySuite } from './integrity.bench.ts';
import { loadSuite } from './load.bench.ts';
import { loadDelaySuite } from './load-delay.bench.ts';
import { serverSuite } from './server.bench.ts';
import { testRunnerSuite } from './test-runner.bench.ts';
import { testWorkersSuite } from './test-workers.bench.ts';

/** Benchmark suites, listed by hand. Each prints its own figures, ratios and verdicts. */
export interface BenchSuite {
  name: string;
  title: string;
  run(): Promise<void>;
}

export const suites: BenchSuite[] = [
  imlSuite,
  httpSuite,
  datastoreSuite,
  engineSuite,
  loadSuite,
  loadDelaySuite,
  testRunnerSuite,
  fakesSuite,
  testWorkersSuite,
  serverSuite,
  integritySuite,
  cliSuite,
];

// A TypeScript consumer: compiled by the test with `module: NodeNext`, `strict` and
// `exactOptionalPropertyTypes` against the package's declarations only.
import {
  BlueprintError,
  type ExecutionRecord,
  type FakesState,
  loadScenario,
  runScenario,
  type Scenario,
  type ScenarioRunOptions,
  type TestFile,
} from 'makesim';

const scenario: Scenario = loadScenario('webhook-router.blueprint.json');
const options: ScenarioRunOptions = { input: { type: 'refund', orderId: 'T-1' } };
const record: ExecutionRecord = await runScenario(scenario, options);
const firstError: string | undefined = record.modules.flatMap((m) => m.errors)[0]?.message;
const fakes: FakesState = (await runScenario(scenario, options)).fakes;

const file: TestFile = { blueprint: 'webhook-router.blueprint.json', cases: [] };

try {
  loadScenario('{}');
} catch (error) {
  if (error instanceof BlueprintError) console.log(error.message);
}
console.log(record.status, record.operations, firstError, Object.keys(fakes), file.cases.length);

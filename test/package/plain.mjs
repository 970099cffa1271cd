// A plain Node ESM consumer: the library by its package name, no TypeScript anywhere.
import assert from 'node:assert/strict';
import { BlueprintError, loadScenario, runScenario } from 'makesim';

const scenario = loadScenario('webhook-router.blueprint.json');
const record = await runScenario(scenario, { input: { type: 'order', orderId: 'P-1', total: 10 } });
assert.equal(record.status, 'success');
assert.equal(record.operations, 3);
assert.throws(() => loadScenario('{"flow": 1}'), BlueprintError);
console.log(`plain ESM: ${record.status}, ${record.operations} operations`);

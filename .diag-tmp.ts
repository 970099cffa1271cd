import { loadScenarioAsync } from './engine/blueprint/load.ts';
import { defaultRegistry } from './modules/index.ts';
import { generatedBlueprint } from './bench/generated-blueprint.ts';
import { setImmediate as turn } from 'node:timers/promises';
for (let k = 0; k < 3; k++) {
const bp = structuredClone(generatedBlueprint(20000));
await turn();
let last = process.cpuUsage(); const gaps: Array<[number, number]> = []; let n = 0;
await loadScenarioAsync(bp, { registry: defaultRegistry, onPause: () => { const u = process.cpuUsage(last); gaps.push([(u.user+u.system)/1000, n++]); last = process.cpuUsage(); } , sliceMs: 8});
console.log('pauses', n, gaps.sort((a,b)=>b[0]-a[0]).slice(0,8).map(g=>g.map(x=>x.toFixed(0)).join('@')).join('  '));
}

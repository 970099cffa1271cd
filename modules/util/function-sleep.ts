/** Sleep — https://help.make.com/util (max 300 s). Waits through ctx.clock: instant under SimulatedClock. */
import { defineModule } from '../../engine/registry/define-module.ts';

export const MAX_SLEEP_SECONDS = 300;

export const functionSleep = defineModule({
  key: 'util:FunctionSleep',
  versions: [1],
  kind: 'action',
  label: 'Sleep',
  description: 'Waits `duration` seconds (1–300) before the bundle continues.',
  fidelity: 'full',
  mapper: [{ name: 'duration', type: 'number', required: true, description: 'Seconds to wait (1–300).' }],
  outputFields: [],
  output: 'One empty bundle.',
  run: async (call, ctx) => {
    const seconds = Math.min(MAX_SLEEP_SECONDS, Math.max(0, Number(call.input.duration) || 0));
    await ctx.clock.sleep(seconds * 1000, ctx.signal);
    return [{}];
  },
});

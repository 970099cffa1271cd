/**
 * makesim's own endpoints beside Make's API (not part of Make): with `--clock simulated`, read
 * the clock and advance it so schedules, Break retries and backoff run in seconds.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import { ApiError } from './errors.ts';

/** `{ms}` or `{seconds}` to move the simulated clock on by. */
const advanceSchema = {
  body: {
    type: 'object',
    properties: { ms: { type: 'number', minimum: 0 }, seconds: { type: 'number', minimum: 0 } },
  },
} as const;
interface AdvanceBody {
  ms?: number;
  seconds?: number;
}

export async function clockRoutes(
  app: FastifyInstance,
  options: { services: Pick<ServerServices, 'clock' | 'scheduler'> },
): Promise<void> {
  const { services } = options;
  app.get('/makesim/clock', async () => ({
    clock: { now: services.clock.now().toISOString(), simulated: services.scheduler.simulated },
  }));
  app.post<{ Body: AdvanceBody }>('/makesim/clock/advance', { schema: advanceSchema }, async (request) => {
    const { ms, seconds } = request.body;
    const step = ms ?? (seconds === undefined ? undefined : seconds * 1000);
    if (step === undefined) throw new ApiError(400, "Send 'ms' (or 'seconds'): a non-negative number.");
    if (!services.scheduler.simulated)
      throw new ApiError(400, 'The clock is not simulated; start the server with --clock simulated.');
    const runs = await services.scheduler.advance(step);
    return { clock: { now: services.clock.now().toISOString(), simulated: true }, runs };
  });
}

/**
 * makesim's own endpoints beside Make's API (not part of Make): with `--clock simulated`, read
 * the clock and advance it so schedules, Break retries and backoff run in seconds.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import { ApiError } from './errors.ts';
import { bodyObject } from './params.ts';

export async function clockRoutes(
  app: FastifyInstance,
  options: { services: Pick<ServerServices, 'clock' | 'scheduler'> },
): Promise<void> {
  const { services } = options;
  app.get('/makesim/clock', async () => ({
    clock: { now: services.clock.now().toISOString(), simulated: services.scheduler.simulated },
  }));
  app.post('/makesim/clock/advance', async (request) => {
    const body = bodyObject(request.body);
    const ms =
      typeof body.ms === 'number' ? body.ms : typeof body.seconds === 'number' ? body.seconds * 1000 : NaN;
    if (!Number.isFinite(ms) || ms < 0)
      throw new ApiError(400, "Send 'ms' (or 'seconds'): a non-negative number.");
    if (!services.scheduler.simulated)
      throw new ApiError(400, 'The clock is not simulated; start the server with --clock simulated.');
    const runs = await services.scheduler.advance(ms);
    return { clock: { now: services.clock.now().toISOString(), simulated: true }, runs };
  });
}

/**
 * `POST /scenarios/{id}/run` (https://developers.make.com/api-documentation/api-reference/scenarios): the
 * scenario's required inputs must be given — else 400 "Validation failed for N parameter(s)." with one
 * suberror per field ("Missing value of required parameter 'x'.") — a responsive run answers the scenario's
 * outputs, which are what its first Return output module returned, and `callbackUrl` is told when the run
 * finishes.
 */
import { request } from 'undici';
import type { HttpPort } from '../../engine/ports/http.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { isHostAllowed } from '../../modules/http/network-policy.ts';
import { RETURN_MODULE, returnedOutputs } from '../../modules/scenario-service/subscenario-runner.ts';
import type { ServerServices } from '../services.ts';
import type { StoredScenario } from '../store/scenarios.ts';
import { ApiError } from './errors.ts';
import { isPlainObject } from './params.ts';
import { readInterface } from './scenario-interface.ts';

/** One message per required input that `data` lacks (absent, null or empty text). */
export function missingInputs(
  services: Pick<ServerServices, 'db'>,
  scenario: StoredScenario,
  data: Record<string, unknown>,
): string[] {
  const required = readInterface(services.db, scenario).input.flatMap((field) =>
    isPlainObject(field) && field.required === true && typeof field.name === 'string' ? [field.name] : [],
  );
  return required
    .filter((name) => data[name] === undefined || data[name] === null || data[name] === '')
    .map((name) => `Missing value of required parameter '${name}'.`);
}

/** `{outputs}` for a responsive run's answer when the scenario returns outputs, else nothing. */
export function outputsOf(record: ExecutionRecord): { outputs?: Record<string, unknown> } {
  const returns = record.modules.some((module) => module.module === RETURN_MODULE);
  return returns ? { outputs: returnedOutputs(record) } : {};
}

/** How long a callback POST may take before it is given up (Make documents no limit). */
export const CALLBACK_TIMEOUT_MS = 10_000;

/**
 * `callbackUrl`: absent (or null), else an http or https URL — anything else is a 400. The URL's
 * host must pass the network policy the HTTP modules obey (loopback unless `--allow-net` or the
 * config's `network.allow` says otherwise): refused before the run, so no packet is sent.
 */
export function readCallbackUrl(
  value: string | null | undefined,
  allowNet: HttpPort['allowNet'],
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new ApiError(400, "Parameter 'callbackUrl' must be an http or https URL.");
  }
  const host = new URL(value).hostname;
  if (!isHostAllowed(host, allowNet)) {
    throw new ApiError(
      400,
      `Parameter 'callbackUrl': the network policy blocks ${host} (makesim only reaches loopback hosts by default). ` +
        `Add it to the config's network.allow list to allow it.`,
    );
  }
  return value;
}

/**
 * POSTs `{executionId, statusUrl}` as JSON to the run's `callbackUrl`
 * (https://developers.make.com/api-documentation/api-reference/scenarios). It rejects when the receiver
 * cannot be reached or takes over CALLBACK_TIMEOUT_MS; its answer is not read.
 */
export async function sendCallback(
  url: string,
  body: { executionId: string; statusUrl: string },
): Promise<void> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
  });
  await response.body.dump();
}

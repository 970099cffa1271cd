/**
 * A request that no `http` stub answers stops the case as a setup error (docs/testing.md
 * "Setup errors"). undici's MockAgent reports it as `UND_MOCK_ERR_MOCK_NOT_MATCHED`, which the
 * HTTP modules would turn into Make's ConnectionError — an error an Ignore or Resume route
 * swallows, so a case could pass with no answer at all. This decorator rewrites that error.
 */
import type { Dispatcher, MockAgent } from 'undici';
import { SetupError } from '../engine/errors/setup-error.ts';
import { undici } from '../modules/lazy-libraries.ts';

const NOT_MATCHED = 'UND_MOCK_ERR_MOCK_NOT_MATCHED';

export function reportUnanswered(agent: MockAgent): Dispatcher {
  const Handler = unansweredHandler();
  return agent.compose((dispatch) => (options, handler) => dispatch(options, new Handler(options, handler)));
}

type HandlerClass = new (
  options: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler,
) => Dispatcher.DispatchHandler;

let handlerClass: HandlerClass | undefined;

/** Made on first use: undici loads only when a case sends a request (modules/lazy-libraries.ts). */
function unansweredHandler(): HandlerClass {
  if (handlerClass) return handlerClass;
  const { DecoratorHandler } = undici();
  // undici 7's DecoratorHandler forwards `onResponseError`; its type declarations omit it.
  const forward = DecoratorHandler.prototype as unknown as Required<
    Pick<Dispatcher.DispatchHandler, 'onResponseError'>
  >;
  handlerClass = class UnansweredHandler extends DecoratorHandler {
    readonly #request: { method: string; url: string };

    constructor(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
      super(handler);
      this.#request = {
        method: String(options.method).toUpperCase(),
        url: `${String(options.origin ?? '')}${options.path}`,
      };
    }

    onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
      forward.onResponseError.call(this, controller, translate(error, this.#request));
    }
  };
  return handlerClass;
}

function translate(error: Error, request: { method: string; url: string }): Error {
  if ((error as { code?: unknown }).code !== NOT_MATCHED) return error;
  return unansweredRequest(request.method, request.url);
}

/** The setup error for one unanswered request, with the `http` entry that would answer it. */
export function unansweredRequest(method: string, url: string): SetupError {
  const entry = { method, url: url.split('?')[0], response: { status: 200, body: {} } };
  return new SetupError(
    'unanswered-http',
    `${method} ${url} got no answer: no "http" entry of the test matches it, and makesim does not ` +
      `reach the network in tests. Add this to the case's "http" list (or allow the host with ` +
      `--allow-net=${hostOf(url)}):\n${JSON.stringify(entry, null, 2)}`,
    { method, url, http: entry },
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

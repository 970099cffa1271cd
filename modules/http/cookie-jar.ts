/**
 * "Share cookies with other HTTP modules" (https://apps.make.com/http): cookies set by one HTTP module are
 * sent by later HTTP modules of the same execution that also share cookies. A small jar keyed by host;
 * paths, expiry and domain attributes are not modelled (docs/modules.md fidelity note).
 */

export class CookieJar {
  readonly #byHost = new Map<string, Map<string, string>>();

  /** Stores `set-cookie` headers received from `url`. */
  store(url: URL, setCookies: readonly string[]): void {
    const cookies = this.#byHost.get(url.hostname) ?? new Map<string, string>();
    for (const line of setCookies) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    this.#byHost.set(url.hostname, cookies);
  }

  /** The `cookie` header value for `url`, or undefined. */
  header(url: URL): string | undefined {
    const cookies = this.#byHost.get(url.hostname);
    if (!cookies || cookies.size === 0) return undefined;
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const jars = new WeakMap<object, CookieJar>();

/** One jar per execution: keyed by the execution's variable store, which lives exactly that long. */
export function jarFor(execution: object): CookieJar {
  let jar = jars.get(execution);
  if (!jar) {
    jar = new CookieJar();
    jars.set(execution, jar);
  }
  return jar;
}

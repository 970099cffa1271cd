/**
 * The sign-in page the run page answers with until the browser is signed in: it asks for the API
 * token (printed by `makesim serve`, or `GET` it from the config's `server.token`).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function loginPage(message: string): string {
  const text = message.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>makesim — sign in</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="/_inspector/icon.svg" />
    <link rel="stylesheet" href="/_inspector/style.css" />
  </head>
  <body>
    <header><h1>makesim <span>run inspector</span></h1></header>
    <main>
      <section class="panel login">
        <p data-testid="login-message">${text}</p>
        <p class="muted">Open the one-time link <code>makesim serve</code> printed, or paste the API token.</p>
        <form method="post" action="/_inspector/login">
          <input name="token" type="password" autocomplete="off" aria-label="API token" placeholder="API token" />
          <button type="submit">Sign in</button>
        </form>
      </section>
    </main>
  </body>
</html>
`;
}

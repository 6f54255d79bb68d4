/**
 * The setup link's page (`/setup?token=...`): one self-contained HTML document (inline CSS and
 * script, no external assets) with a form that posts JSON to `/v1/setup`. The content security
 * policy allows exactly this page's own style and script, by hash.
 */
import { createHash } from "node:crypto";

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f5f7;
    font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; }
  main { width: min(420px, calc(100vw - 32px)); background: #fff; border-radius: 10px; padding: 28px;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08), 0 8px 24px rgba(0, 0, 0, 0.06); }
  h1 { font-size: 20px; margin: 0 0 4px; }
  p { margin: 0 0 16px; color: #4a5263; }
  label { display: block; font-weight: 600; margin: 14px 0 4px; }
  input { width: 100%; padding: 9px 11px; border: 1px solid #c9ced8; border-radius: 6px; font: inherit; }
  input:focus { outline: 2px solid #3b6ef5; outline-offset: 1px; border-color: #3b6ef5; }
  button { margin-top: 20px; width: 100%; padding: 10px; border: 0; border-radius: 6px; background: #3b6ef5;
    color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  button:disabled { opacity: 0.6; cursor: progress; }
  .hint { font-size: 13px; color: #6b7385; margin-top: 4px; }
  .error { color: #b42318; background: #fef3f2; border-radius: 6px; padding: 8px 10px; margin-top: 16px; }
  .done { color: #05603a; background: #ecfdf3; border-radius: 6px; padding: 12px; }
  [hidden] { display: none; }
`;

const SCRIPT = `
  (function () {
    var token = new URLSearchParams(location.search).get("token") || "";
    // Keep the one-time token out of the address bar, history and any later referrer.
    history.replaceState(null, "", location.pathname);
    var form = document.getElementById("setup");
    var error = document.getElementById("error");
    var done = document.getElementById("done");
    var button = form.querySelector("button");
    if (!token) {
      form.hidden = true;
      error.textContent = "This link has no setup token. Open the whole link the server printed.";
      error.hidden = false;
      return;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      var body = {
        token: token,
        name: form.elements.name.value,
        email: form.elements.email.value,
        password: form.elements.password.value
      };
      fetch("/v1/setup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(body)
      })
        .then(function (response) {
          return response.json().then(function (answer) {
            if (response.ok) {
              form.hidden = true;
              done.hidden = false;
              return;
            }
            throw new Error(answer && answer.error ? answer.error.message : "the server refused the request");
          });
        })
        .catch(function (problem) {
          error.textContent = "Could not create the account: " + problem.message;
          error.hidden = false;
          button.disabled = false;
        });
    });
  })();
`;

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The page's content security policy: nothing but its own inline style and script, and `/v1/setup`. */
export const SETUP_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const SETUP_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Set up Keygate</title>
<style>${STYLE}</style>
</head>
<body>
<main>
  <h1>Set up Keygate</h1>
  <p>Create the owner account of this Keygate. This link works once.</p>
  <form id="setup">
    <label for="name">Your name</label>
    <input id="name" name="name" autocomplete="name" required maxlength="200">
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="email" required maxlength="320">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256">
    <div class="hint">At least 12 characters.</div>
    <button type="submit">Create the owner account</button>
  </form>
  <div id="done" class="done" hidden>Your owner account is ready; sign in at <a href="/">/</a></div>
  <div id="error" class="error" role="alert" hidden></div>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;

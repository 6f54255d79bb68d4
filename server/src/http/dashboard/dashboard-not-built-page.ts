/**
 * The page `/` answers (503) when the dashboard has not been built: it says what to run. Plain
 * HTML with no script, so the dashboard's CSP holds for it too.
 */

export const DASHBOARD_NOT_BUILT_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Keygate: the dashboard is not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:.25rem}</style>
</head>
<body>
<h1>The dashboard is not built</h1>
<p>Keygate is running and its API answers, but the dashboard's files are missing.</p>
<p>Run <code>npm run build</code> in the Keygate folder (<code>npm start</code> does it for you), then reload this page.</p>
<p>The API reference is at <a href="/docs">/docs</a>.</p>
</body>
</html>
`;

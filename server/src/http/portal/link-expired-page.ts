/**
 * The page a used, expired or unknown portal link answers (410): it says what happened and where
 * to go, in the platform's name, with no secret and no script (the portal's CSP holds for it).
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe to put in HTML, as an element's content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * The page, in the platform's product name, with a link back to its settings page when known.
 * @example linkExpiredPage({ productName: "ShipFast", returnUrl: null })
 */
export function linkExpiredPage(input: { productName: string; returnUrl: string | null }): string {
  const product = escapeHtml(input.productName);
  const back =
    input.returnUrl === null
      ? ""
      : `\n<p><a href="${escapeHtml(input.returnUrl)}" target="_top">Back to ${product}</a></p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>This link has expired</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937}</style>
</head>
<body>
<h1>This link has expired</h1>
<p>This link has expired or was already used. Open the key settings again from ${product}.</p>${back}
</body>
</html>
`;
}

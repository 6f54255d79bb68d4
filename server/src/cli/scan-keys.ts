/**
 * Finds Keygate keys in a text: the key format's shape (server/src/domain/key-format.ts) as a
 * regular expression, then its checksum, so a look-alike (a made-up, truncated or mistyped key) is
 * not reported. A token glued to an identifier (`MY_acme_...`) is tried from each `_` of its
 * prefix too, since only the real key's checksum matches. Positions are 1-based lines and columns
 * (UTF-16 code units, as editors count them).
 */
import { parseKey } from "../domain/key-format.js";

/** A key's shape: a prefix of at most three lowercase words, `_`, 38 base62 characters. */
const CANDIDATE = /(?<![A-Za-z0-9])[a-z0-9]{1,19}(?:_[a-z0-9]{1,19}){0,3}_[0-9A-Za-z]{38}(?![0-9A-Za-z_])/g;

export interface FoundKey {
  key: string;
  line: number;
  column: number;
}

/** The well-formed key in `token` (the whole token, or its end after one of its `_`), with its offset. */
function keyIn(token: string): { key: string; offset: number } | undefined {
  const bodyStart = token.lastIndexOf("_");
  for (let offset = 0; offset < bodyStart; offset = token.indexOf("_", offset) + 1) {
    const key = token.slice(offset);
    if (parseKey(key)) return { key, offset };
  }
  return undefined;
}

/** Every well-formed key in `text`, in order. */
export function findKeys(text: string): FoundKey[] {
  const found: FoundKey[] = [];
  let line = 1;
  let lineStart = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const hit = keyIn(match[0]);
    if (!hit) continue;
    const index = match.index + hit.offset;
    let newline = text.indexOf("\n", lineStart);
    while (newline !== -1 && newline < index) {
      line++;
      lineStart = newline + 1;
      newline = text.indexOf("\n", lineStart);
    }
    found.push({ key: hit.key, line, column: index - lineStart + 1 });
  }
  return found;
}

/**
 * The rule for a workspace or key prefix, apart from the key format's crypto, so the dashboard's
 * forms check prefixes with the server's own rule without pulling node:crypto into a browser.
 */

/** A workspace or key prefix: lowercase letters and digits, at most one `_`, 2-16 characters. */
export const PREFIX_PATTERN = /^(?=.{2,16}$)[a-z0-9]+(?:_[a-z0-9]+)?$/;

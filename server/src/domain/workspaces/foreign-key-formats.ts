/**
 * Foreign key formats: the shapes of keys a workspace issued elsewhere (`sk_live_...`) before it
 * moved to Keygate and imported them by hash (POST /v1/keys/import). Verification refuses a key
 * that is not in Keygate's format as MALFORMED with no lookup, unless it starts with one of these
 * prefixes and matches its pattern; then it is looked up by SHA-256 like any key.
 *
 * A pattern is a JavaScript regular expression's source, refused when it does not compile or when
 * safe-regex2 judges that it could backtrack catastrophically (ReDoS). Verification runs it only
 * on a key that already starts with the prefix and is at most {@link MAX_FOREIGN_KEY_LENGTH} long.
 */
import safeRegex from "safe-regex2";
import { z } from "zod";

/** Most formats per workspace. */
export const MAX_FOREIGN_FORMATS = 10;
/** Longest presented key a foreign pattern is run on; a longer one stays MALFORMED. */
export const MAX_FOREIGN_KEY_LENGTH = 512;
const MAX_PATTERN_LENGTH = 200;

export interface ForeignKeyFormat {
  prefix: string;
  /** A JS regular expression's source, or null: the prefix alone admits the key. */
  pattern: string | null;
}

/** Why a pattern is refused, or undefined when it compiles and is safe. */
function patternRefusal(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
  } catch (error) {
    return `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!safeRegex(pattern)) {
    return "could take exponential time on some keys (nested or overlapping repetition); simplify it";
  }
  return undefined;
}

export const foreignKeyFormatSchema = z
  .strictObject({
    prefix: z
      .string()
      .min(1, "must not be empty")
      .max(32, "must be at most 32 characters")
      .regex(/^[A-Za-z0-9_-]*$/, "may hold only letters, digits, _ and -")
      .describe("What every key of this format starts with (`sk_live_`)"),
    pattern: z
      .string()
      .min(1, "must not be empty")
      .max(MAX_PATTERN_LENGTH, `must be at most ${MAX_PATTERN_LENGTH} characters`)
      .superRefine((pattern, context) => {
        const refusal = patternRefusal(pattern);
        if (refusal !== undefined) context.addIssue({ code: "custom", message: refusal });
      })
      .nullable()
      .optional()
      .transform((pattern) => pattern ?? null)
      .describe(
        "A JavaScript regular expression the whole key must match (`^sk_live_[A-Za-z0-9]{24}$`); null or absent: the prefix is enough. Refused unless safe-regex2 finds it safe",
      ),
  })
  .describe("A format of keys issued elsewhere and imported by hash");

export const foreignKeyFormatsSchema = z
  .array(foreignKeyFormatSchema)
  .max(MAX_FOREIGN_FORMATS, `must hold at most ${MAX_FOREIGN_FORMATS} formats`)
  .refine((formats) => new Set(formats.map((format) => format.prefix)).size === formats.length, {
    message: "each prefix may appear only once",
  })
  .describe(
    "Formats of keys issued elsewhere: a presented key that is not in Keygate's format is looked up (instead of answering MALFORMED) when it starts with one of these prefixes and matches its pattern. [] for none",
  );

/** The formats stored in a workspace row's `foreign_key_formats`; anything unreadable is left out. */
export function readForeignKeyFormats(value: unknown): ForeignKeyFormat[] {
  if (!Array.isArray(value)) return [];
  const formats: ForeignKeyFormat[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const { prefix, pattern } = item as { prefix?: unknown; pattern?: unknown };
    if (typeof prefix !== "string" || prefix.length === 0) continue;
    formats.push({ prefix, pattern: typeof pattern === "string" ? pattern : null });
  }
  return formats;
}

/** The format that admits this key, if any: it starts with the prefix and matches the pattern. */
export function matchingFormat<F extends { prefix: string; regex: RegExp | null }>(
  formats: readonly F[],
  key: string,
): F | undefined {
  if (key.length > MAX_FOREIGN_KEY_LENGTH) return undefined;
  for (const format of formats) {
    if (key.startsWith(format.prefix) && (format.regex === null || format.regex.test(key))) return format;
  }
  return undefined;
}

/** A format with its pattern compiled once. */
export interface CompiledKeyFormat extends ForeignKeyFormat {
  regex: RegExp | null;
}

/** Compiles each stored format's pattern once; a pattern that no longer compiles admits nothing. */
export function compileForeignKeyFormats(formats: readonly ForeignKeyFormat[]): CompiledKeyFormat[] {
  const compiled: CompiledKeyFormat[] = [];
  for (const format of formats) {
    if (format.pattern === null) {
      compiled.push({ ...format, regex: null });
      continue;
    }
    try {
      compiled.push({ ...format, regex: new RegExp(format.pattern) });
    } catch {
      // Saved patterns were compiled when saved; one that fails now (another engine) admits no key.
    }
  }
  return compiled;
}

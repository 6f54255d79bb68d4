/**
 * `POST /v1/keys/import`: up to 1,000 keys issued elsewhere, each by the SHA-256 of its secret
 * (domain/keys/import-keys.ts). The body's envelope is validated as a whole (400 when it is not
 * this shape or holds more than 1,000 rows); each row is validated on its own, so a bad row is
 * refused in the report with the message a key creation would give, and the others go on.
 */
import type { AppContext } from "../../../app/context.js";
import {
  type ImportCandidate,
  type ImportRefusal,
  importKeyRowSchema,
  importKeysBody,
  importKeysEnvelope,
  importReportSchema,
} from "../../../domain/keys/import-inputs.js";
import { importKeys } from "../../../domain/keys/import-keys.js";
import { describeValidation, validateWith } from "../../validation.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf, KEY_TAGS, keyRefusals } from "./key-route-parts.js";

/** Splits the rows into those that pass their own schema and the refusals of the others. */
function checkRows(rows: readonly Record<string, unknown>[]): {
  candidates: ImportCandidate[];
  refused: ImportRefusal[];
} {
  const candidates: ImportCandidate[] = [];
  const refused: ImportRefusal[] = [];
  rows.forEach((raw, index) => {
    const parsed = importKeyRowSchema.safeParse(raw);
    if (parsed.success) {
      candidates.push({ index, row: parsed.data });
      return;
    }
    const described = validateWith(importKeyRowSchema, raw);
    refused.push({
      index,
      code: "VALIDATION_FAILED",
      message: describeValidation("error" in described ? (described.error ?? []) : [], "body"),
    });
  });
  return { candidates, refused };
}

export function importKeysRoute(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/keys/import",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: KEY_TAGS,
        summary: "Import keys by the SHA-256 of their secrets",
        description:
          "Stores up to 1,000 keys issued elsewhere, each by the SHA-256 of its whole secret, so they verify as before (with `foreignKeyFormats` on the workspace for keys not in Keygate's format). Each row is checked like a key creation and refused alone when it breaks a rule; a row whose hash is already a key of this workspace is skipped, so an import can be re-run. One transaction and one `key.imported` audit event per request; `dryRun` answers the same report and writes nothing.",
        body: importKeysBody,
        response: { 200: importReportSchema, ...keyRefusals },
      },
      // The envelope only: rows are validated one by one below, so one bad row refuses that row alone.
      validatorCompiler: () => (data) => validateWith(importKeysEnvelope, data),
    },
    async (request) => {
      const envelope = importKeysEnvelope.parse(request.body);
      const { candidates, refused } = checkRows(envelope.keys);
      return importKeys(ctx, callerOf(request), { candidates, refused, dryRun: envelope.dryRun });
    },
  );
}

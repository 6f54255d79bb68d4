/** Field schemas the domain's inputs share (and the HTTP schemas reuse): names, descriptions, times. */
import { z } from "zod";

export const MAX_NAME_LENGTH = 200;

/** A display name: trimmed, 1-200 characters. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`);

export const descriptionSchema = z.string().max(2000, "must be at most 2000 characters");

/** An ISO 8601 time with a zone (`2027-01-01T00:00:00Z`). */
export const isoDateTime = z.iso.datetime({ offset: true });

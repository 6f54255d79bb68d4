/**
 * The endpoint form's values and its own checks before anything is sent (a URL starting with
 * https:// or http://, at least one event, a description of at most 500 characters), and the
 * server's refusals placed by field (`details` paths `url`, `events`, `events.3`, `description`).
 */
import { ApiRequestError } from "../../api/errors";
import type { WebhookEventType } from "./event-groups";

export interface EndpointFormValues {
  url: string;
  description: string;
  events: WebhookEventType[];
  /** Operator's workspace only: also receive every tenant's events. */
  allTenants: boolean;
}

export type EndpointFormErrors = Partial<Record<"url" | "description" | "events" | "allTenants", string>>;

export const DESCRIPTION_MAX = 500;

export function checkEndpointForm(values: EndpointFormValues): EndpointFormErrors {
  const errors: EndpointFormErrors = {};
  const url = values.url.trim();
  if (!url) errors.url = "Enter the URL that receives the events";
  else {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
      errors.url = "Enter a full URL starting with https://";
    }
  }
  if (values.description.trim().length > DESCRIPTION_MAX) {
    errors.description = `Keep it to ${DESCRIPTION_MAX} characters`;
  }
  if (values.events.length === 0) errors.events = "Choose at least one event";
  return errors;
}

/** The server's `details` as the form's fields (`events.2` belongs to Events). */
export function errorsOfRefusal(failure: unknown): EndpointFormErrors {
  if (!(failure instanceof ApiRequestError)) return {};
  const errors: EndpointFormErrors = {};
  for (const { path, message } of failure.details) {
    const field = path.split(".")[0];
    if (field === "url" || field === "description" || field === "events" || field === "allTenants") {
      errors[field] ??= message;
    }
  }
  return errors;
}

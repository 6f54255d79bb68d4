/**
 * An app's details as a form holds them (title, description, environment), the checks made
 * before sending (the server's own limits: a title of 1-200 characters, a description of at most
 * 2000, one of the three environments), and the server's refusal placed on the same fields.
 */
import type { ApiRequestError } from "../../api/errors";
import type { Environment } from "../../app/permissions";

export interface AppDetailsValues {
  title: string;
  description: string;
  environment: Environment | "";
}

export interface AppDetailsProblems {
  title?: string | undefined;
  description?: string | undefined;
  environment?: string | undefined;
}

export const ENVIRONMENTS: readonly Environment[] = ["development", "staging", "production"];

export const emptyAppDetails: AppDetailsValues = { title: "", description: "", environment: "" };

/** The problems to fix before sending; an empty object when there are none. */
export function checkAppDetails(values: AppDetailsValues): AppDetailsProblems {
  const problems: AppDetailsProblems = {};
  const title = values.title.trim();
  if (title === "") problems.title = "Enter a title, such as Shop mobile app";
  else if (title.length > 200) problems.title = "must be at most 200 characters";
  if (values.description.length > 2000) problems.description = "must be at most 2000 characters";
  if (values.environment === "") problems.environment = "Choose the environment its keys are for";
  return problems;
}

export function hasProblems(problems: AppDetailsProblems): boolean {
  return Boolean(problems.title || problems.description || problems.environment);
}

/** The server's per-field refusal, on the form's fields. */
export function serverProblems(error: ApiRequestError): AppDetailsProblems {
  return {
    title: error.detailFor("title"),
    description: error.detailFor("description"),
    environment: error.detailFor("environment"),
  };
}

/**
 * A form's field errors once the person has changed some fields: a field they corrected stops
 * showing the error of the last submit (the next submit checks everything again). An error shows
 * under its field's name, or under a path inside it (`rateLimits.1.limit` belongs to `rateLimits`).
 *
 * @example setErrors((errors) => withoutErrorsOf(errors, ["url"]));
 */
export function withoutErrorsOf<Errors extends Partial<Record<string, string>>>(
  errors: Errors,
  fields: readonly string[],
): Errors {
  const changed = (path: string) => fields.some((field) => path === field || path.startsWith(`${field}.`));
  if (!Object.keys(errors).some(changed)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !changed(path))) as Errors;
}

/** The fields of an app's details (step 1 of New App, and Edit app): Title, Description, Environment. */
import { Field, inputClass } from "../../ui/Field";
import { type AppDetailsProblems, type AppDetailsValues, ENVIRONMENTS } from "./app-details";
import { environmentLabel } from "./EnvironmentBadge";

export interface AppDetailsFieldsProps {
  values: AppDetailsValues;
  onChange(values: AppDetailsValues, field: keyof AppDetailsValues): void;
  problems: AppDetailsProblems;
  /** Shown under Environment (Edit: its keys move with it). */
  environmentHint?: string;
}

export function AppDetailsFields({ values, onChange, problems, environmentHint }: AppDetailsFieldsProps) {
  return (
    <div className="space-y-4">
      <Field
        label="Title"
        error={problems.title}
        hint="The application or integration, as your team calls it."
      >
        {(props) => (
          <input
            {...props}
            value={values.title}
            onChange={(event) => onChange({ ...values, title: event.target.value }, "title")}
            placeholder="Shop mobile app"
            autoComplete="off"
            className={inputClass}
          />
        )}
      </Field>
      <Field label="Description" optional error={problems.description}>
        {(props) => (
          <textarea
            {...props}
            value={values.description}
            onChange={(event) => onChange({ ...values, description: event.target.value }, "description")}
            rows={3}
            placeholder="What it does and who runs it"
            className={inputClass}
          />
        )}
      </Field>
      <Field
        label="Environment"
        error={problems.environment}
        hint={environmentHint ?? "Use a separate app, and keys, for each environment."}
      >
        {(props) => (
          <select
            {...props}
            value={values.environment}
            onChange={(event) =>
              onChange(
                { ...values, environment: ENVIRONMENTS.find((one) => one === event.target.value) ?? "" },
                "environment",
              )
            }
            className={inputClass}
          >
            <option value="" disabled>
              Choose an environment
            </option>
            {ENVIRONMENTS.map((environment) => (
              <option key={environment} value={environment}>
                {environmentLabel(environment)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

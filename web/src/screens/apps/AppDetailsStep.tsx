/**
 * New App, step 1: the app's details. "Next" checks them (a title, an environment) and goes on;
 * nothing is sent yet. The server's refusal of a later step comes back here, on its field.
 */
import { type FormEvent, useEffect, useState } from "react";
import { Link } from "react-router";
import { Button } from "../../ui/Button";
import { AppDetailsFields } from "./AppDetailsFields";
import { type AppDetailsProblems, type AppDetailsValues, checkAppDetails, hasProblems } from "./app-details";

export interface AppDetailsStepProps {
  initial: AppDetailsValues;
  /** The server's refusal of these fields, from creating the app. */
  refused?: AppDetailsProblems | undefined;
  onNext(values: AppDetailsValues): void;
}

export function AppDetailsStep({ initial, refused, onNext }: AppDetailsStepProps) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<AppDetailsProblems>(refused ?? {});
  useEffect(() => setProblems(refused ?? {}), [refused]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkAppDetails(values);
    setProblems(found);
    if (hasProblems(found)) return;
    onNext({ ...values, title: values.title.trim() });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="app-details-heading" className="space-y-5">
      <h2 id="app-details-heading" className="text-lg font-semibold text-slate-900">
        App details
      </h2>
      <AppDetailsFields
        values={values}
        problems={problems}
        onChange={(next, field) => {
          setValues(next);
          setProblems((current) => ({ ...current, [field]: undefined }));
        }}
      />
      <div className="flex flex-wrap justify-end gap-2">
        <Link
          to="/apps"
          className="inline-flex h-9 items-center rounded-md px-3.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Cancel
        </Link>
        <Button type="submit" variant="primary">
          Next
        </Button>
      </div>
    </form>
  );
}

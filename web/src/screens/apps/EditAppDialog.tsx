/**
 * Edit an app's title, description and environment. Moving it to another environment moves its
 * keys too, which the dialog says before sending; the server's refusal lands on its field.
 */
import { type FormEvent, useEffect, useId, useState } from "react";
import { ApiRequestError, describeError } from "../../api/errors";
import type { App } from "../../api/types";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { FormAlert } from "../auth/FormAlert";
import { AppDetailsFields } from "./AppDetailsFields";
import {
  type AppDetailsProblems,
  type AppDetailsValues,
  checkAppDetails,
  hasProblems,
  serverProblems,
} from "./app-details";
import type { AppChange } from "./use-apps";

export interface EditAppDialogProps {
  app: App;
  open: boolean;
  onOpenChange(open: boolean): void;
  onSave(change: AppChange): Promise<unknown>;
}

export function EditAppDialog({ app, open, onOpenChange, onSave }: EditAppDialogProps) {
  const formId = useId();
  const [values, setValues] = useState<AppDetailsValues>({
    title: app.title,
    description: app.description,
    environment: app.environment,
  });
  const [problems, setProblems] = useState<AppDetailsProblems>({});
  const [alert, setAlert] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setValues({ title: app.title, description: app.description, environment: app.environment });
    setProblems({});
    setAlert(undefined);
  }, [open, app]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkAppDetails(values);
    setProblems(found);
    setAlert(undefined);
    if (hasProblems(found) || values.environment === "") return;
    setBusy(true);
    try {
      await onSave({
        title: values.title.trim(),
        description: values.description,
        environment: values.environment,
      });
      onOpenChange(false);
    } catch (error) {
      const onFields = error instanceof ApiRequestError ? serverProblems(error) : {};
      if (hasProblems(onFields)) setProblems(onFields);
      else setAlert(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const moving = values.environment !== "" && values.environment !== app.environment && app.keys.length > 0;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !busy && onOpenChange(next)}
      title={`Edit ${app.title}`}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={busy}>
            Save changes
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        <FormAlert message={alert} />
        <AppDetailsFields
          values={values}
          problems={problems}
          onChange={(next, field) => {
            setValues(next);
            setProblems((current) => ({ ...current, [field]: undefined }));
          }}
          environmentHint={
            moving
              ? `Its ${app.keys.length} ${app.keys.length === 1 ? "key moves" : "keys move"} to the new environment too.`
              : "Its keys move with it when it changes."
          }
        />
      </form>
    </Dialog>
  );
}

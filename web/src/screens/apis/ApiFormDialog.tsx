/**
 * Create or edit a connected API: its name, description and the scopes it offers. Obvious
 * mistakes (no name, a malformed scope) are caught before sending; the server's refusal is shown
 * next to the field it names, or above the form when it names none (a scope a live key still
 * holds). The change itself is a prop, so the screen decides what it sends.
 */
import { type FormEvent, useEffect, useId, useState } from "react";
import { ApiRequestError, describeError, isApiError } from "../../api/errors";
import type { ConnectedApi } from "../../api/types";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field, inputClass } from "../../ui/Field";
import { FormAlert } from "../auth/FormAlert";
import { ScopeChipsEditor } from "./ScopeChipsEditor";
import { scopeProblem } from "./scope-format";
import type { ApiInput } from "./use-apis";

const MAX_NAME = 200;
const MAX_DESCRIPTION = 2000;

export interface ApiFormDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The API being edited; a new one when absent. */
  editing?: ConnectedApi | undefined;
  /** Sends the form; the dialog closes when it resolves and shows the refusal when it throws. */
  onSave(values: ApiInput): Promise<unknown>;
}

interface Problems {
  name?: string | undefined;
  description?: string | undefined;
  scopes?: string | undefined;
}

/** The first server message for a field or any item under it (`scopes`, `scopes.2`). */
function detailUnder(error: ApiRequestError, path: string): string | undefined {
  return error.details.find((detail) => detail.path === path || detail.path.startsWith(`${path}.`))?.message;
}

export function ApiFormDialog({ open, onOpenChange, editing, onSave }: ApiFormDialogProps) {
  const formId = useId();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [draft, setDraft] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [alert, setAlert] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(editing?.name ?? "");
    setDescription(editing?.description ?? "");
    setScopes(editing ? [...editing.scopes] : []);
    setDraft("");
    setProblems({});
    setAlert(undefined);
  }, [open, editing]);

  const check = (): { values: ApiInput; problems: Problems } => {
    const found: Problems = {};
    const trimmed = name.trim();
    if (trimmed === "") found.name = "Enter a name, such as Orders API";
    else if (trimmed.length > MAX_NAME) found.name = `must be at most ${MAX_NAME} characters`;
    if (description.length > MAX_DESCRIPTION)
      found.description = `must be at most ${MAX_DESCRIPTION} characters`;
    let all = scopes;
    const pending = draft.trim();
    if (pending !== "") {
      found.scopes = scopeProblem(pending, scopes);
      if (!found.scopes) all = [...scopes, pending];
    }
    return { values: { name: trimmed, description, scopes: all }, problems: found };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const { values, problems: found } = check();
    setProblems(found);
    setAlert(undefined);
    if (found.name || found.description || found.scopes) return;
    setScopes(values.scopes ?? []);
    setDraft("");
    setBusy(true);
    try {
      await onSave(values);
      onOpenChange(false);
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.details.length > 0) {
        const fromServer: Problems = {
          name: failure.detailFor("name"),
          description: failure.detailFor("description"),
          scopes: detailUnder(failure, "scopes"),
        };
        setProblems(fromServer);
        if (!fromServer.name && !fromServer.description && !fromServer.scopes)
          setAlert(describeError(failure));
      } else if (isApiError(failure, "CONFLICT") && failure.message.startsWith("scopes: ")) {
        setProblems({ scopes: failure.message.slice("scopes: ".length) });
      } else {
        setAlert(describeError(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !busy && onOpenChange(next)}
      title={editing ? `Edit ${editing.name}` : "Create a connected API"}
      description="An API of your platform and the scopes it offers. Keys of the apps connected to it may hold only these scopes."
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={busy}>
            {editing ? "Save changes" : "Create API"}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        <FormAlert message={alert} />
        <Field label="Name" error={problems.name}>
          {(props) => (
            <input
              {...props}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                setProblems((current) => ({ ...current, name: undefined }));
              }}
              placeholder="Orders API"
              autoComplete="off"
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Description" optional error={problems.description}>
          {(props) => (
            <textarea
              {...props}
              value={description}
              onChange={(event) => {
                setDescription(event.target.value);
                setProblems((current) => ({ ...current, description: undefined }));
              }}
              rows={2}
              className={inputClass}
            />
          )}
        </Field>
        <ScopeChipsEditor
          scopes={scopes}
          onChange={(next) => {
            setScopes(next);
            setProblems((current) => ({ ...current, scopes: undefined }));
          }}
          draft={draft}
          onDraftChange={(next) => {
            setDraft(next);
            setProblems((current) => ({ ...current, scopes: undefined }));
          }}
          error={problems.scopes}
        />
      </form>
    </Dialog>
  );
}

/**
 * Add endpoint and Edit endpoint: the URL, a description, the events (grouped checkboxes with
 * Select all) and, in the operator's workspace only (platform mode) when adding, "Receive the
 * events of every tenant". The form checks itself before sending; the server's refusal lands next
 * to its field. Adding ends with the signing secret shown once (WebhookSecretDialog).
 *
 * @example <EndpointFormDialog open={open} onOpenChange={setOpen} onCreated={(endpoint) => navigate(`/webhooks/${endpoint.id}`)} />
 */
import { type FormEvent, useEffect, useState } from "react";
import { describeError } from "../../api/errors";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field, inputClass } from "../../ui/Field";
import { withoutErrorsOf } from "../../ui/form-errors";
import { FormAlert } from "../auth/FormAlert";
import { EventsField } from "./EventsField";
import {
  checkEndpointForm,
  DESCRIPTION_MAX,
  type EndpointFormErrors,
  type EndpointFormValues,
  errorsOfRefusal,
} from "./endpoint-form";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-groups";
import {
  type CreatedWebhook,
  useCreateWebhook,
  useUpdateWebhook,
  type WebhookEndpoint,
} from "./use-webhooks";
import { type WebhookSecret, WebhookSecretDialog } from "./WebhookSecretDialog";

export interface EndpointFormDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The endpoint to edit; without it the dialog adds one. */
  endpoint?: WebhookEndpoint;
  /** After adding, once the secret dialog is closed. */
  onCreated?(endpoint: CreatedWebhook): void;
  returnFocusTo?: () => HTMLElement | null | undefined;
}

const known = (events: readonly string[]): WebhookEventType[] =>
  WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type));

function valuesOf(endpoint: WebhookEndpoint | undefined): EndpointFormValues {
  return {
    url: endpoint?.url ?? "",
    description: endpoint?.description ?? "",
    events: endpoint ? known(endpoint.events) : [],
    allTenants: endpoint?.allTenants ?? false,
  };
}

export function EndpointFormDialog(props: EndpointFormDialogProps) {
  const { endpoint } = props;
  return endpoint ? <EditForm {...props} endpoint={endpoint} /> : <AddForm {...props} />;
}

function AddForm({ open, onOpenChange, onCreated, returnFocusTo }: EndpointFormDialogProps) {
  const create = useCreateWebhook();
  const { workspace } = useSession();
  const [created, setCreated] = useState<{ endpoint: CreatedWebhook; secret: WebhookSecret } | null>(null);
  return (
    <>
      <FormDialog
        open={open}
        onOpenChange={onOpenChange}
        title="Add endpoint"
        description="Keygate sends each chosen event to this URL as a signed POST request."
        submitLabel="Add endpoint"
        busy={create.isPending}
        withAllTenants={workspace.kind === "operator"}
        returnFocusTo={returnFocusTo}
        onSubmit={async (values) => {
          const answer = await create.mutateAsync({
            url: values.url.trim(),
            events: values.events,
            ...(values.description.trim() ? { description: values.description.trim() } : {}),
            ...(workspace.kind === "operator" && values.allTenants ? { allTenants: true } : {}),
          });
          onOpenChange(false);
          setCreated({ endpoint: answer, secret: { url: answer.url, secret: answer.secret } });
        }}
      />
      <WebhookSecretDialog
        secret={created?.secret ?? null}
        returnFocusTo={returnFocusTo}
        onDone={() => {
          if (created) onCreated?.(created.endpoint);
          setCreated(null);
        }}
      />
    </>
  );
}

function EditForm({
  open,
  onOpenChange,
  endpoint,
  returnFocusTo,
}: EndpointFormDialogProps & { endpoint: WebhookEndpoint }) {
  const update = useUpdateWebhook(endpoint.id);
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Edit endpoint"
      description="Changes apply from the next event on."
      submitLabel="Save changes"
      busy={update.isPending}
      endpoint={endpoint}
      returnFocusTo={returnFocusTo}
      onSubmit={async (values) => {
        await update.mutateAsync({
          url: values.url.trim(),
          events: values.events,
          description: values.description.trim(),
        });
        onOpenChange(false);
      }}
    />
  );
}

interface FormDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: string;
  submitLabel: string;
  busy: boolean;
  endpoint?: WebhookEndpoint;
  withAllTenants?: boolean;
  onSubmit(values: EndpointFormValues): Promise<void>;
  returnFocusTo?: () => HTMLElement | null | undefined;
}

function FormDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  busy,
  endpoint,
  withAllTenants,
  onSubmit,
  returnFocusTo,
}: FormDialogProps) {
  const [values, setValues] = useState<EndpointFormValues>(() => valuesOf(endpoint));
  const [errors, setErrors] = useState<EndpointFormErrors>({});
  const [refusal, setRefusal] = useState<string>();

  // A fresh form each time the dialog opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when it opens
  useEffect(() => {
    if (!open) return;
    setValues(valuesOf(endpoint));
    setErrors({});
    setRefusal(undefined);
  }, [open]);

  const change = (next: Partial<EndpointFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setErrors((current) => withoutErrorsOf(current, Object.keys(next)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(undefined);
    const checked = checkEndpointForm(values);
    setErrors(checked);
    if (Object.keys(checked).length > 0) return;
    try {
      await onSubmit(values);
    } catch (failure) {
      const fieldErrors = errorsOfRefusal(failure);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setRefusal(describeError(failure));
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !busy && onOpenChange(next)}
      title={title}
      description={description}
      size="lg"
      returnFocusTo={returnFocusTo}
    >
      <form noValidate onSubmit={submit} className="space-y-4">
        <Field
          label="Endpoint URL"
          hint="An https:// address of your server that answers 2xx within 10 seconds."
          error={errors.url}
        >
          {(props) => (
            <input
              {...props}
              type="url"
              inputMode="url"
              className={`${inputClass} font-mono`}
              value={values.url}
              autoComplete="off"
              spellCheck={false}
              placeholder="https://example.com/webhooks/keygate"
              onChange={(event) => change({ url: event.target.value })}
            />
          )}
        </Field>
        <Field
          label="Description"
          optional
          hint="What receives the events, such as “Billing service, production”."
          error={errors.description}
        >
          {(props) => (
            <input
              {...props}
              className={inputClass}
              value={values.description}
              maxLength={DESCRIPTION_MAX + 50}
              autoComplete="off"
              onChange={(event) => change({ description: event.target.value })}
            />
          )}
        </Field>
        <EventsField value={values.events} onChange={(events) => change({ events })} error={errors.events} />
        {withAllTenants && (
          <div className="space-y-1.5">
            <label className="flex items-start gap-2.5 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={values.allTenants}
                onChange={(event) => change({ allTenants: event.target.checked })}
                aria-describedby="webhook-all-tenants-hint"
                className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
              />
              <span className="font-medium">Receive the events of every tenant</span>
            </label>
            <p id="webhook-all-tenants-hint" className="pl-6.5 text-xs text-slate-500">
              Your customers' workspaces too; each event names the tenant it belongs to.
            </p>
            {errors.allTenants && <p className="pl-6.5 text-sm text-red-700">{errors.allTenants}</p>}
          </div>
        )}
        <FormAlert message={refusal} />
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button onClick={() => onOpenChange(false)} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

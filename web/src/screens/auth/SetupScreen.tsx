/**
 * First run: the one-time link Keygate printed at its first start (`/setup?token=...`) creates the
 * owner account of the first workspace and signs in.
 */
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { ApiRequestError, describeError } from "../../api/errors";
import { useStoreSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { Field, inputClass } from "../../ui/Field";
import { AuthCard } from "./AuthCard";
import { FormAlert } from "./FormAlert";

export function SetupScreen() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const storeSession = useStoreSession();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const setup = useMutation({
    mutationFn: () => unwrap(api.POST("/v1/setup", { body: { token, name, email, password } })),
    onSuccess: (signedIn) => {
      storeSession(signedIn);
      navigate("/", { replace: true });
    },
  });

  if (!token) {
    return (
      <AuthCard title="Set up Keygate">
        <p className="text-sm text-slate-700">
          This page needs the one-time setup link Keygate printed when it first started (it looks like{" "}
          <code className="font-mono text-xs">/setup?token=…</code>). Open that link, or sign in if the owner
          account already exists.
        </p>
      </AuthCard>
    );
  }

  const error = setup.error instanceof ApiRequestError ? setup.error : undefined;
  const fieldErrors = new Set(["name", "email", "password"]);
  const formError =
    error && !error.details.some((detail) => fieldErrors.has(detail.path)) ? describeError(error) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate();
  };

  return (
    <AuthCard
      title="Set up Keygate"
      description="Create the owner account of your workspace. This link works once."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormAlert message={formError} />
        <Field label="Your name" error={error?.detailFor("name")}>
          {(props) => (
            <input
              {...props}
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Email" error={error?.detailFor("email")}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Password" hint="At least 12 characters." error={error?.detailFor("password")}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" className="w-full" busy={setup.isPending}>
          Create owner account
        </Button>
      </form>
    </AuthCard>
  );
}

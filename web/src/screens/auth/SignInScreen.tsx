/** Sign in with email and password; back to the screen that asked for it afterwards. */
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { ApiRequestError, describeError } from "../../api/errors";
import { useSessionQuery, useStoreSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { Field, inputClass } from "../../ui/Field";
import { AuthCard } from "./AuthCard";
import { FormAlert } from "./FormAlert";
import { safeNext } from "./safe-next";

export function SignInScreen() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const storeSession = useStoreSession();
  const session = useSessionQuery();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST("/v1/auth/login", { body: { email, password } })),
    onSuccess: (signedIn) => {
      storeSession(signedIn);
      navigate(next, { replace: true });
    },
  });

  if (session.data) return <Navigate to={next} replace />;

  const error = signIn.error instanceof ApiRequestError ? signIn.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <AuthCard title="Sign in" description="Manage your workspace's API keys.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <FormAlert
          message={signIn.error && !error?.details.length ? describeError(signIn.error) : undefined}
        />
        <Field label="Email" error={error?.detailFor("email")}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Password" error={error?.detailFor("password")}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" className="w-full" busy={signIn.isPending}>
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}

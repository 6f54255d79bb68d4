/**
 * New App (`/apps/new`, seed 001) in three steps: 1) the details, "Next"; 2) the connected APIs,
 * "Connect and Generate Keys", which creates the app (with its APIs) and its first Shared Key +
 * Secret Key pair; 3) "Successfully Generated your API Keys!": both keys, once, in the keys
 * screen's SecretOnceDialog, whose Done opens the app. The app
 * is created once: a failed key generation is retried for the same app.
 */
import { CheckCircle2 } from "lucide-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiRequestError, describeError } from "../../api/errors";
import type { Json } from "../../api/types";
import { useSession } from "../../app/session";
import { formatDate } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { toast } from "../../ui/toast";
import { fetchAllApis } from "../apis/use-apis";
import { type OnceSecret, SecretOnceDialog, secretOf } from "../keys/SecretOnceDialog";
import { AppDetailsStep } from "./AppDetailsStep";
import {
  type AppDetailsProblems,
  type AppDetailsValues,
  emptyAppDetails,
  hasProblems,
  serverProblems,
} from "./app-details";
import { ConnectApisStep } from "./ConnectApisStep";
import { keyPairBody, policyExpiry } from "./key-pair-request";
import { StepIndicator } from "./StepIndicator";
import { useCreateApp } from "./use-apps";
import { useGenerateKeyPair } from "./use-generate-key-pair";

const STEPS = ["App details", "Connected APIs", "Your keys"] as const;

const primaryLink =
  "inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white shadow-xs hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

type CreatedApp = Json<"/v1/apps", "post">;

export function NewAppScreen() {
  const { abilities, workspace } = useSession();
  const navigate = useNavigate();
  const createApp = useCreateApp();
  const generate = useGenerateKeyPair();
  const [step, setStep] = useState(0);
  const [details, setDetails] = useState<AppDetailsValues>(emptyAppDetails);
  const [refused, setRefused] = useState<AppDetailsProblems>();
  const [apiIds, setApiIds] = useState<string[]>([]);
  const [app, setApp] = useState<CreatedApp>();
  const [pair, setPair] = useState<OnceSecret | null>(null);
  const [failure, setFailure] = useState<string>();

  const environment = details.environment === "" ? undefined : details.environment;
  const makesKeys = workspace.entitlements.apiAccess && abilities.canIssue(environment);
  const busy = createApp.isPending || generate.isPending;

  if (!abilities.can("apps:write"))
    return (
      <div>
        <PageHeader title="New App" />
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your role ({abilities.role}) cannot create apps. Ask an admin or owner of {workspace.name}.
        </p>
        <Link to="/apps" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
          Back to Apps
        </Link>
      </div>
    );

  const connectAndGenerate = async () => {
    if (!environment) return;
    setFailure(undefined);
    let created = app;
    try {
      if (!created) {
        created = await createApp.mutateAsync({
          title: details.title,
          description: details.description,
          environment,
          apiIds,
        });
        setApp(created);
      }
    } catch (error) {
      const onFields = error instanceof ApiRequestError ? serverProblems(error) : {};
      if (hasProblems(onFields)) {
        setRefused(onFields);
        setStep(0);
      } else setFailure(describeError(error));
      return;
    }
    if (!makesKeys) {
      toast(`${created.title} created`);
      navigate(`/apps/${created.id}`);
      return;
    }
    try {
      const apis = (await fetchAllApis()).filter((item) => created.apiIds.includes(item.id));
      const key = await generate.mutateAsync(
        keyPairBody({ app: created, apis, existingKeys: 0, policy: workspace.policy }),
      );
      setPair(secretOf(key));
      setStep(2);
    } catch (error) {
      setFailure(`${created.title} was created, but its keys were not: ${describeError(error)}`);
    }
  };

  const expiry = policyExpiry(workspace.policy);
  const note = !workspace.entitlements.apiAccess
    ? "Your plan does not include API Access, so no keys will be generated. The app is created with its APIs; keys can be generated after an upgrade."
    : !makesKeys
      ? "Your role cannot generate production keys; an admin can generate them on the app's page."
      : expiry
        ? `The workspace policy requires an expiry: these keys expire on ${formatDate(expiry)}.`
        : undefined;

  return (
    <div className="max-w-3xl">
      <PageHeader
        title="New App"
        description="Register an application, connect it to your APIs and get its first key pair."
      />
      <StepIndicator steps={STEPS} current={step} />
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-6">
        {step === 0 && (
          <AppDetailsStep
            initial={details}
            refused={refused}
            onNext={(values) => {
              setDetails(values);
              setRefused(undefined);
              setStep(1);
            }}
          />
        )}
        {step === 1 && (
          <ConnectApisStep
            selected={apiIds}
            onSelectedChange={setApiIds}
            onBack={app ? undefined : () => setStep(0)}
            onSubmit={connectAndGenerate}
            busy={busy}
            submitLabel={makesKeys ? "Connect and Generate Keys" : "Connect APIs"}
            note={note}
            failure={failure}
            canCreateApis={abilities.can("apis:write")}
          />
        )}
        {step === 2 && app && (
          <section aria-labelledby="generated-heading" className="space-y-4">
            <div className="flex items-start gap-2">
              <CheckCircle2 aria-hidden className="mt-0.5 size-6 shrink-0 text-green-600" />
              <div>
                <h2 id="generated-heading" className="text-lg font-semibold text-slate-900">
                  {app.title} is ready
                </h2>
                <p className="mt-1 text-sm text-slate-600">
                  Its first key pair
                  {pair ? (
                    <>
                      {" "}
                      <strong>{pair.keyName}</strong>
                    </>
                  ) : null}{" "}
                  appears under API Credentials. Immediately copy and securely store your keys: the Secret Key
                  is shown only once.
                </p>
              </div>
            </div>
            <div className="flex justify-end">
              <Link to={`/apps/${app.id}`} className={primaryLink}>
                Open {app.title}
              </Link>
            </div>
          </section>
        )}
      </div>
      <SecretOnceDialog
        secret={pair}
        onDone={() => {
          setPair(null);
          if (app) navigate(`/apps/${app.id}`);
        }}
      />
    </div>
  );
}

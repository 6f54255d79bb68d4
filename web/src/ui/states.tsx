/** The loading, empty and error states every screen shows in place of its content. */
import { AlertTriangle, Loader2 } from "lucide-react";
import type { ReactNode } from "react";
import { describeError } from "../api/errors";
import { Button } from "./Button";
import { cn } from "./cn";

export function LoadingState({ label = "Loading", fullPage }: { label?: string; fullPage?: boolean }) {
  return (
    <div
      role="status"
      className={cn(
        "flex items-center justify-center gap-2 p-8 text-sm text-slate-600",
        fullPage && "min-h-screen",
      )}
    >
      <Loader2 aria-hidden className="size-5 animate-spin" />
      {label}…
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  fullPage,
}: {
  error: unknown;
  onRetry?: () => void;
  fullPage?: boolean;
}) {
  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col items-center justify-center gap-3 p-8 text-center text-sm",
        fullPage && "min-h-screen",
      )}
    >
      <AlertTriangle aria-hidden className="size-6 text-amber-600" />
      <p className="text-slate-800">{describeError(error)}</p>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children && <div className="max-w-md text-sm text-slate-600">{children}</div>}
      {action}
    </div>
  );
}

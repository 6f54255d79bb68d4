/**
 * "Export CSV": downloads every event the current filters match. A plan without audit export gets
 * the button disabled with "Available on paid plans", so the server's 402 is never asked for.
 */
import { Download } from "lucide-react";
import { useId } from "react";
import { describeError } from "../../api/errors";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { toast } from "../../ui/toast";
import { type AuditFilters, useExportAuditCsv } from "./use-audit-events";

export function ExportCsvButton({ filters, disabled }: { filters: AuditFilters; disabled?: boolean }) {
  const { workspace } = useSession();
  const noteId = useId();
  const exportCsv = useExportAuditCsv();
  const included = workspace.entitlements.auditExport;

  if (!included) {
    return (
      <div className="flex flex-col items-start gap-1 sm:items-end">
        <Button disabled aria-describedby={noteId}>
          <Download aria-hidden className="size-4" />
          Export CSV
        </Button>
        <p id={noteId} className="text-xs text-slate-500">
          Available on paid plans
        </p>
      </div>
    );
  }

  return (
    <Button
      busy={exportCsv.isPending}
      disabled={disabled}
      onClick={() =>
        exportCsv.mutate(filters, {
          onSuccess: (filename) => toast(`Exported ${filename}`),
          onError: (error) => toast(describeError(error), "error"),
        })
      }
    >
      {!exportCsv.isPending && <Download aria-hidden className="size-4" />}
      Export CSV
    </Button>
  );
}

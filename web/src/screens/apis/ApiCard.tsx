/** One connected API in the list: its name, description, scopes, and Edit and Delete for those who may. */
import { Pencil, Trash2 } from "lucide-react";
import type { ConnectedApi } from "../../api/types";
import { Button } from "../../ui/Button";
import { RelativeTime } from "../../ui/RelativeTime";
import { ScopeChips } from "./ScopeChips";

export interface ApiCardProps {
  api: ConnectedApi;
  canWrite: boolean;
  onEdit(): void;
  onDelete(): void;
}

export function ApiCard({ api, canWrite, onEdit, onDelete }: ApiCardProps) {
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-2">
        <div>
          <h2 className="text-base font-semibold break-words text-slate-900">{api.name}</h2>
          {api.description ? (
            <p className="mt-0.5 text-sm break-words text-slate-600">{api.description}</p>
          ) : (
            <p className="mt-0.5 text-sm text-slate-500">No description</p>
          )}
        </div>
        <ScopeChips scopes={api.scopes} label={`Scopes of ${api.name}`} />
        <p className="text-xs text-slate-500">
          Updated <RelativeTime iso={api.updatedAt} />
        </p>
      </div>
      {canWrite && (
        <div className="flex shrink-0 gap-2">
          <Button size="sm" onClick={onEdit} aria-label={`Edit ${api.name}`}>
            <Pencil aria-hidden className="size-4" />
            Edit
          </Button>
          <Button size="sm" onClick={onDelete} aria-label={`Delete ${api.name}`}>
            <Trash2 aria-hidden className="size-4" />
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}

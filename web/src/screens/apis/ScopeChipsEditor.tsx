/**
 * The scopes an API offers, as chips: type a scope and press Enter (or "Add scope") to add it,
 * each chip's × removes it. A scope that breaks the server's rule or repeats one is refused with
 * the reason under the input; the server's own `details` for `scopes` are shown there too.
 */
import { X } from "lucide-react";
import { type KeyboardEvent, useId, useState } from "react";
import { Button } from "../../ui/Button";
import { inputClass } from "../../ui/Field";
import { scopeProblem } from "./scope-format";

export interface ScopeChipsEditorProps {
  scopes: readonly string[];
  onChange(scopes: string[]): void;
  /** The text typed but not added yet (kept by the form, so a submit can add it). */
  draft: string;
  onDraftChange(draft: string): void;
  /** A problem with the list or the draft: the form's own check or the server's details. */
  error?: string | undefined;
}

export function ScopeChipsEditor({ scopes, onChange, draft, onDraftChange, error }: ScopeChipsEditorProps) {
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const shown = problem ?? error;

  const add = () => {
    const scope = draft.trim();
    const why = scopeProblem(scope, scopes);
    setProblem(why);
    if (why) return;
    onChange([...scopes, scope]);
    onDraftChange("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Scopes</legend>
      {scopes.length === 0 ? (
        <p className="text-sm text-slate-500">
          No scopes yet. Keys of apps connected to this API get theirs from here.
        </p>
      ) : (
        <ul aria-label="Scopes" className="flex flex-wrap gap-1.5">
          {scopes.map((scope) => (
            <li
              key={scope}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 font-mono text-xs text-brand-700 ring-1 ring-brand-600/20 ring-inset"
            >
              {scope}
              <button
                type="button"
                aria-label={`Remove ${scope}`}
                onClick={() => onChange(scopes.filter((other) => other !== scope))}
                className="rounded-full p-0.5 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <X aria-hidden className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="block text-sm text-slate-700">
        New scope
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={draft}
          onChange={(event) => {
            setProblem(undefined);
            onDraftChange(event.target.value);
          }}
          onKeyDown={onKeyDown}
          placeholder="orders:read"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-error ${id}-hint` : `${id}-hint`}
          className={`${inputClass} font-mono`}
        />
        <Button onClick={add}>Add scope</Button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Lowercase letters, digits, <code>_ . -</code>, parts split by <code>:</code> (such as{" "}
        <code>orders:read</code> or <code>orders:*</code>). Press Enter to add.
      </p>
      {shown && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {shown}
        </p>
      )}
    </fieldset>
  );
}

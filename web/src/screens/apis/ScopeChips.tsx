/** A read-only row of scope chips (an API's offer, an app's connected scopes). */
export function ScopeChips({ scopes, label }: { scopes: readonly string[]; label: string }) {
  if (scopes.length === 0) return <p className="text-sm text-slate-500">No scopes</p>;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {scopes.map((scope) => (
        <li
          key={scope}
          className="rounded-full bg-slate-100 px-2.5 py-0.5 font-mono text-xs text-slate-700 ring-1 ring-slate-500/20 ring-inset"
        >
          {scope}
        </li>
      ))}
    </ul>
  );
}

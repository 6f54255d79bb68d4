/** Where to go after signing in: only a path of this dashboard, never another site (`//evil`, `https:`). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

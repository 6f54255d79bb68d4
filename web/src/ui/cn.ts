/** Joins class names, skipping the false ones: `cn("btn", busy && "opacity-60")`. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** Whether the screen is phone-wide (under 768 px), following rotation and resizing; false where there is no matchMedia. */
import { useSyncExternalStore } from "react";

const QUERY = "(max-width: 767px)";

const media = () => globalThis.matchMedia?.(QUERY);

function subscribe(onChange: () => void): () => void {
  const list = media();
  list?.addEventListener("change", onChange);
  return () => list?.removeEventListener("change", onChange);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}

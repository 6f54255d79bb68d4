/** The keys screen's view, table or cards, remembered in localStorage for the next visit. */
import { useState } from "react";

export type KeysView = "table" | "cards";

const STORAGE_KEY = "keygate.keys.view";

function stored(): KeysView {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "cards" ? "cards" : "table";
  } catch {
    return "table";
  }
}

export function useKeysView(): [KeysView, (view: KeysView) => void] {
  const [view, setView] = useState<KeysView>(stored);
  const choose = (next: KeysView) => {
    setView(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // A browser that refuses storage still switches; it only forgets.
    }
  };
  return [view, choose];
}

/** The keys screen's view, table or cards, remembered in localStorage for the next visit. */
import { useState } from "react";

export type KeysView = "table" | "cards";

const STORAGE_KEY = "keygate.keys.view";

/** Without a remembered choice: cards on a phone (seed 003's view; a table's columns do not fit), else the table. */
function fitting(): KeysView {
  return globalThis.matchMedia?.("(max-width: 767px)").matches ? "cards" : "table";
}

function stored(): KeysView {
  try {
    const remembered = globalThis.localStorage?.getItem(STORAGE_KEY);
    return remembered === "cards" || remembered === "table" ? remembered : fitting();
  } catch {
    return fitting();
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

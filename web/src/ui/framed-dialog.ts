/**
 * Dialogs inside a frame whose height follows its content (the key portal embedded by /embed.js):
 * centred in the frame's own viewport, a dialog could sit far below what the platform's page
 * shows of the frame. So a framed dialog opens level with what opened it (which the person just
 * clicked, so it is in view), kept inside the frame, and scrolls inside itself when taller.
 */

const MARGIN = 16;

export const inFrame = (): boolean => typeof window !== "undefined" && window.parent !== window;

/** Moves an open dialog's box to the height of its opener; nothing outside a frame. */
export function placeNearOpener(content: HTMLElement, opener: HTMLElement | null): void {
  if (!inFrame()) return;
  const viewport = window.innerHeight;
  const openerTop = opener?.getBoundingClientRect().top ?? MARGIN;
  const height = content.getBoundingClientRect().height;
  const top = Math.max(MARGIN, Math.min(openerTop - MARGIN, viewport - height - MARGIN));
  content.style.top = `${top}px`;
  // Tailwind's -translate-y-1/2 (the CSS `translate` property) centred it vertically: keep only the x half.
  content.style.translate = "-50% 0";
  content.style.maxHeight = `${viewport - top - MARGIN}px`;
}

/**
 * Tells the embedding page how tall the portal is, so /embed.js sizes its iframe to the content:
 * `{ type: "keygate:resize", height }` to the embedding origin (see framing.ts) once mounted and on
 * every change of the measured element's size. The element is the portal's own frame, not the
 * document: `html` and `body` stretch to the iframe's height, so the document could only ever grow.
 */
import { type RefObject, useEffect } from "react";
import { embeddingOrigin } from "./framing";

export const RESIZE_MESSAGE = "keygate:resize";

export function useFrameResize(
  element: RefObject<HTMLElement | null>,
  embedOrigins: readonly string[],
): void {
  // The list is compared by value: a new array with the same origins keeps the observer.
  const origins = embedOrigins.join(" ");
  useEffect(() => {
    const target = element.current;
    const origin = embeddingOrigin(origins === "" ? [] : origins.split(" "));
    if (!target || !origin) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(target.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: RESIZE_MESSAGE, height }, origin);
    };
    post();
    const observer = new ResizeObserver(post);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, origins]);
}

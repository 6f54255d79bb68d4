/**
 * /embed.js: served as a small, cacheable script, and what it does on a platform's page. The page
 * here is the least DOM the script touches (document.currentScript, createElement, the window's
 * message listeners), so the origin and source checks are tested for real; the browser test
 * (e2e/portal-embed.test.ts) runs it in Chromium with a real frame.
 */
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, type TestService } from "../../../test/harness.js";
import { EMBED_SCRIPT_FILE } from "./embed-script.js";

const SCRIPT = readFileSync(EMBED_SCRIPT_FILE, "utf8");
const KEYGATE = "https://keys.shipfast.test";

describe("GET /embed.js", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService();
  });
  afterAll(async () => service.close());

  it("serves the script to anyone, as JavaScript, cached for five minutes", async () => {
    const res = await service.app.inject({ method: "GET", url: "/embed.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(res.body).toBe(SCRIPT);
    expect(Buffer.byteLength(res.body)).toBeLessThan(3 * 1024);
  });

  it("is not in the API reference", async () => {
    const doc = (await service.app.inject({ method: "GET", url: "/openapi.json" })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths).filter((path) => !path.startsWith("/v1/"))).not.toContain("/embed.js");
  });
});

interface FakeFrame {
  src: string;
  title: string;
  style: Record<string, string>;
  attributes: Record<string, string>;
  contentWindow: object;
  removed: boolean;
  setAttribute(name: string, value: string): void;
  remove(): void;
}

type Listener = (event: { origin: string; source: unknown; data: unknown }) => void;

/** A page that loaded embed.js from `scriptSrc`; `Keygate` is what the script defined. */
function pageWithScript(scriptSrc: string | null) {
  const listeners = new Set<Listener>();
  const frames: FakeFrame[] = [];
  const window = {
    addEventListener: (type: string, listener: Listener) => type === "message" && listeners.add(listener),
    removeEventListener: (type: string, listener: Listener) =>
      type === "message" && listeners.delete(listener),
  } as Record<string, unknown>;
  const document = {
    currentScript: scriptSrc === null ? null : { src: scriptSrc },
    createElement(tag: string): FakeFrame {
      expect(tag).toBe("iframe");
      const frame: FakeFrame = {
        src: "",
        title: "",
        style: {},
        attributes: {},
        contentWindow: {},
        removed: false,
        setAttribute(name, value) {
          frame.attributes[name] = value;
        },
        remove() {
          frame.removed = true;
        },
      };
      frames.push(frame);
      return frame;
    },
  };
  vm.runInNewContext(SCRIPT, { window, document, URL });
  const Keygate = window.Keygate as {
    mount(element: unknown, options: unknown): { iframe: FakeFrame; unmount(): void };
  };
  const children: unknown[] = [];
  const element = { appendChild: (child: unknown) => children.push(child) };
  const post = (event: { origin: string; source: unknown; data: unknown }) => {
    for (const listener of listeners) listener(event);
  };
  return { Keygate, element, children, listeners, frames, post };
}

describe("Keygate.mount", () => {
  const portalUrl = `${KEYGATE}/portal/start?token=abc`;

  it("mounts the portal in a frame: the URL, a title, clipboard access, full width, no border", () => {
    const page = pageWithScript(`${KEYGATE}/embed.js`);
    const { iframe } = page.Keygate.mount(page.element, { url: portalUrl });
    expect(page.children).toEqual([iframe]);
    expect(iframe.src).toBe(portalUrl);
    expect(iframe.title).toBe("API keys");
    expect(iframe.attributes).toEqual({ allow: "clipboard-write" });
    expect(iframe.style).toEqual({ border: "none", width: "100%", display: "block", height: "480px" });
  });

  it("resizes the frame on a keygate:resize message from Keygate's origin and that frame only", () => {
    const page = pageWithScript(`${KEYGATE}/embed.js`);
    const { iframe } = page.Keygate.mount(page.element, { url: portalUrl, minHeight: 300 });
    const from = (origin: string, source: unknown, data: unknown) => page.post({ origin, source, data });

    from(KEYGATE, iframe.contentWindow, { type: "keygate:resize", height: 912.4 });
    expect(iframe.style.height).toBe("913px");

    from("https://evil.test", iframe.contentWindow, { type: "keygate:resize", height: 5000 });
    from(KEYGATE, {}, { type: "keygate:resize", height: 5000 });
    from(KEYGATE, iframe.contentWindow, { type: "other", height: 5000 });
    from(KEYGATE, iframe.contentWindow, { type: "keygate:resize", height: "5000" });
    from(KEYGATE, iframe.contentWindow, { type: "keygate:resize", height: Number.NaN });
    from(KEYGATE, iframe.contentWindow, { type: "keygate:resize", height: -1 });
    from(KEYGATE, iframe.contentWindow, null);
    from(KEYGATE, iframe.contentWindow, "keygate:resize");
    expect(iframe.style.height).toBe("913px");

    from(KEYGATE, iframe.contentWindow, { type: "keygate:resize", height: 120 });
    expect(iframe.style.height).toBe("300px");
    from(KEYGATE, iframe.contentWindow, { type: "keygate:resize", height: 1e9 });
    expect(iframe.style.height).toBe("100000px");
  });

  it("keeps two frames apart: a message sizes only the frame that sent it", () => {
    const page = pageWithScript(`${KEYGATE}/embed.js`);
    const first = page.Keygate.mount(page.element, { url: portalUrl });
    const second = page.Keygate.mount(page.element, { url: portalUrl });
    page.post({
      origin: KEYGATE,
      source: second.iframe.contentWindow,
      data: { type: "keygate:resize", height: 700 },
    });
    expect([first.iframe.style.height, second.iframe.style.height]).toEqual(["480px", "700px"]);
  });

  it("unmount removes the frame and stops listening", () => {
    const page = pageWithScript(`${KEYGATE}/embed.js`);
    const mounted = page.Keygate.mount(page.element, { url: portalUrl });
    expect(page.listeners.size).toBe(1);
    mounted.unmount();
    expect(mounted.iframe.removed).toBe(true);
    expect(page.listeners.size).toBe(0);
  });

  it("refuses a portal URL on another origin than the script's, and bad arguments", () => {
    const page = pageWithScript(`${KEYGATE}/embed.js`);
    expect(() => page.Keygate.mount(page.element, { url: "https://evil.test/portal/start?token=x" })).toThrow(
      "Keygate.mount: the portal URL must be on https://keys.shipfast.test, where embed.js comes from",
    );
    expect(() => page.Keygate.mount(null, { url: portalUrl })).toThrow(
      "Keygate.mount(element, { url }): element must be a DOM element",
    );
    expect(() => page.Keygate.mount(page.element, {})).toThrow(
      "Keygate.mount(element, { url }): url must be the portal URL from Keygate",
    );
    expect(page.frames).toEqual([]);
  });

  it("takes a path as the portal URL on Keygate's origin", () => {
    const page = pageWithScript(`${KEYGATE}/embed.js`);
    expect(page.Keygate.mount(page.element, { url: "/portal/start?token=abc" }).iframe.src).toBe(portalUrl);
  });

  it("refuses to mount when it was not loaded by a script tag", () => {
    const page = pageWithScript(null);
    expect(() => page.Keygate.mount(page.element, { url: portalUrl })).toThrow(
      "Keygate.mount: load embed.js with a <script src> tag",
    );
  });
});

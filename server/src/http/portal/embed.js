/*
 * Keygate's embed script, served at /embed.js: mounts the key portal in an iframe on the
 * platform's own page and sizes the frame to the portal's content.
 *
 *   <script src="https://keys.example.com/embed.js"></script>
 *   <script>Keygate.mount(document.getElementById("api-keys"), { url: portalUrl });</script>
 *
 * Plain ES2019, no dependencies. It trusts only messages that come from Keygate's origin (the
 * origin this script was loaded from) and from the frame it made, of the shape
 * { type: "keygate:resize", height: <number> }.
 */
(() => {
  // Read now: document.currentScript is only set while this script first runs.
  const source = document.currentScript === null ? "" : document.currentScript.src;
  const keygateOrigin = source ? new URL(source).origin : null;
  const DEFAULT_MIN_HEIGHT = 480;
  const MAX_HEIGHT = 100000;

  function mount(element, options) {
    if (!element || typeof element.appendChild !== "function") {
      throw new TypeError("Keygate.mount(element, { url }): element must be a DOM element");
    }
    if (!options || typeof options.url !== "string") {
      throw new TypeError("Keygate.mount(element, { url }): url must be the portal URL from Keygate");
    }
    if (keygateOrigin === null) throw new Error("Keygate.mount: load embed.js with a <script src> tag");
    const url = new URL(options.url, keygateOrigin);
    if (url.origin !== keygateOrigin) {
      throw new Error(`Keygate.mount: the portal URL must be on ${keygateOrigin}, where embed.js comes from`);
    }
    const minHeight = typeof options.minHeight === "number" ? options.minHeight : DEFAULT_MIN_HEIGHT;

    const iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = typeof options.title === "string" ? options.title : "API keys";
    iframe.setAttribute("allow", "clipboard-write");
    iframe.style.border = "none";
    iframe.style.width = "100%";
    iframe.style.display = "block";
    iframe.style.height = `${minHeight}px`;

    function onMessage(event) {
      if (event.origin !== keygateOrigin || event.source !== iframe.contentWindow) return;
      const data = event.data;
      if (typeof data !== "object" || data === null || data.type !== "keygate:resize") return;
      const height = data.height;
      if (typeof height !== "number" || !Number.isFinite(height) || height < 0) return;
      iframe.style.height = `${Math.min(MAX_HEIGHT, Math.max(minHeight, Math.ceil(height)))}px`;
    }

    window.addEventListener("message", onMessage);
    element.appendChild(iframe);
    return {
      iframe,
      unmount() {
        window.removeEventListener("message", onMessage);
        iframe.remove();
      },
    };
  }

  window.Keygate = Object.assign(window.Keygate || {}, { mount });
})();

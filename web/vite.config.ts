/**
 * The dashboard's build. `npm run dev` serves it with hot reload and sends API paths to a running
 * Keygate (KEYGATE_URL, http://localhost:8080 by default); `npm run build` writes web/dist, which
 * Keygate serves at `/`, and prints what the first screen costs gzipped against its budget.
 */
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { firstScreenBudget } from "./scripts/first-screen-budget.ts";

const keygate = process.env.KEYGATE_URL ?? "http://localhost:8080";
const apiPaths = ["/v1", "/docs", "/openapi.json", "/healthz", "/readyz", "/metrics"];

export default defineConfig({
  plugins: [react(), tailwindcss(), firstScreenBudget({ limitKb: 300 })],
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: keygate, changeOrigin: false }])),
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    assetsDir: "assets",
  },
});

# syntax=docker/dockerfile:1
#
# Keygate's container image: builds the SDK, the server and the dashboard (`npm run build`), drops
# the dev dependencies, and runs `keygate serve` as the unprivileged `node` user on 0.0.0.0:8080.
#
#   docker build -t keygate .
#   docker run -p 8080:8080 -v keygate-data:/var/lib/keygate keygate        # one node, embedded store
#
# Not built or run where it was written (that machine has no Docker engine): see docs/deploy.md.

ARG NODE_IMAGE=node:22-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Every workspace's manifest first, so `npm ci` reruns only when the lockfile or a manifest changes.
COPY package.json package-lock.json .npmrc ./
COPY sdk/package.json sdk/
COPY server/package.json server/
COPY web/package.json web/
COPY examples/express-api/package.json examples/express-api/
COPY examples/hono-api/package.json examples/hono-api/
RUN npm ci --no-audit --no-fund
COPY . .
# The root `build`: sdk (tsc), server (tsc), then web/dist (vite; .dockerignore keeps any local
# web/dist out, so web/scripts/build-when-stale.mjs always builds it here).
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    KEYGATE_DATA_DIR=/var/lib/keygate
WORKDIR /app
# node_modules holds the workspaces as links (node_modules/@keygate/sdk -> ../../sdk), so the
# SDK's build sits at the same place as in the repository.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/sdk/package.json ./sdk/package.json
COPY --from=build /app/sdk/dist ./sdk/dist
COPY --from=build /app/server/package.json ./server/package.json
COPY --from=build /app/server/dist ./server/dist
# GET /embed.js serves this file from the sources (server/src/http/portal/embed-script.ts).
COPY --from=build /app/server/src/http/portal/embed.js ./server/src/http/portal/embed.js
COPY --from=build /app/web/dist ./web/dist
# The data folder: the embedded store and encryption.key when there is no DATABASE_URL; with
# DATABASE_URL, only encryption.key when KEYGATE_ENCRYPTION_KEY is unset (set it in a cluster).
RUN mkdir -p /var/lib/keygate && chown node:node /var/lib/keygate
VOLUME ["/var/lib/keygate"]
USER node
EXPOSE 8080
# /readyz answers 200 only while the store is reachable and migrated. An orchestrator that
# restarts unhealthy containers should use /healthz for that instead (docs/deploy.md, "Health").
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node runs as PID 1: `keygate serve` handles SIGTERM itself (finishes requests, flushes usage,
# exits 0 within 10 s).
CMD ["node", "server/dist/cli/main.js", "serve"]

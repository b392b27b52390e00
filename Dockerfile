# Backchat: multi-stage build on a pinned Node LTS image. The final stage has production
# dependencies only, runs as the non-root "node" user, and starts node directly (exec form) so
# SIGTERM reaches the server and its graceful shutdown.
# Node 24 (active LTS) on Debian bookworm-slim, pinned by digest (24.18.0). To move to a newer
# patch: docker buildx imagetools inspect node:24-bookworm-slim, and replace the digest.
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
COPY glossary ./glossary
# The engine snapshot (dist/engine.snapshot) saves compiling the glossary at every start.
RUN npx tsc -p tsconfig.json && node dist/cli/snapshot.js

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root glossary ./glossary
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server.js"]

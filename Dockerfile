# syntax=docker/dockerfile:1
# Levin Desk: the standalone build (npm run build) on Node.js 22 LTS; NODE_VERSION=24 builds on the next LTS.
# docker build -t levin-desk .   then see compose.yaml for PostgreSQL, two desks and the TLS proxy.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /src/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS runner
WORKDIR /app
# HOSTNAME: server.js listens on it (a container's own name otherwise). NEXT_MANUAL_SIG_HANDLE: SIGTERM goes to the
# desk's graceful shutdown, which lets Eko calls in flight finish (give it EKO_TIMEOUT_MS + 1 s: stop_grace_period).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=true \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/app/data
# Only the standalone folder: the server, the migrations, the operator commands and the packages they need. Owned by
# root, so the desk cannot change its own code; it writes only DATA_DIR (the embedded database, when no DATABASE_URL).
COPY --from=build /src/.next/standalone ./
RUN mkdir -p /app/data && chown node:node /app/data
# The node image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
# Slim images have no curl: Node itself asks /api/health, which says 503 while starting, draining or without its database.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]

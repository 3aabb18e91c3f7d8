# whydenied — production image.
#   docker build -t whydenied .
#   docker run --rm -p 3000:3000 --read-only whydenied
# Through a registry mirror: docker build --build-arg NODE_IMAGE=<mirror>/node:20-slim …
# No `# syntax=` line on purpose: the builder's own Dockerfile frontend covers everything here, and
# with one BuildKit first fetches docker/dockerfile from Docker Hub, even when NODE_IMAGE is a mirror.
# Stages: deps (all dependencies, `npm ci`) → build (tsc) → prod-deps (`npm ci --omit=dev`) → runtime.
# The runtime stage holds only the compiled JavaScript, production dependencies and package.json,
# runs as an unprivileged numeric user, and needs no writable filesystem.

ARG NODE_IMAGE=node:20-slim

# ── 1. every dependency, for the build ────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ── 2. compile TypeScript to dist/ ────────────────────────────────────────────────────
FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ── 3. production dependencies only ──────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ── 4. runtime ───────────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS runtime
# A 4 MB young generation keeps RSS ~30 MB lower at the same throughput (bench/soak.mjs);
# 160 MB of old space is several times what the service holds.
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=4"
WORKDIR /app
# Owned by root, readable by all: the service user can run the code but not rewrite it, even
# where the root filesystem is left writable.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# uid/gid 1000 is the `node` user of the official image; numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000
# No curl in the slim image: Node's own fetch asks /healthz.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/http/server.js"]

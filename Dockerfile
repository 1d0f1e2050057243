# E-Rejestracja container image (issue 14). Two stages: the first installs everything and builds,
# the second holds only the standalone output (.next/standalone: server.js, the traced
# node_modules, the static files, db/migrations and the bundled mail-worker.mjs) and runs it as
# an unprivileged user.
#
#   docker build -t e-rejestracja .
#   docker run -e DATABASE_URL=… -e AUTH_SECRET=… -e APP_URL=… -p 3000:3000 e-rejestracja
#   docker run … e-rejestracja node mail-worker.mjs          # the separate mail worker
#
# CI has no container engine: it proves the same contents by building the standalone output with
# `npm run build` and starting it exactly as CMD below does (`node server.js` in that folder).

FROM node:20-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
# argon2 falls back to compiling its addon when its prebuilt binary does not load; the compiled
# one is what the standalone output then carries (next.config.ts).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# next build, then scripts/prepare-standalone.ts (postbuild): static files, migrations, mail worker.
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    PGLITE_DIR=/app/.data/pglite
WORKDIR /app
# The image's own unprivileged user (uid 1000); it owns nothing but the PGlite folder, which is
# only used when DATABASE_URL is unset (trying the image without a database).
COPY --from=build /src/.next/standalone ./
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Liveness only: readiness (/api/ready) is for the load balancer, not for restarting the process.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains (requests, after() work, email sends) for up to SHUTDOWN_TIMEOUT_MS (25 s):
# give `docker stop` / compose at least 30 s (stop_grace_period).
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]

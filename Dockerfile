# The hub alone, on Node 24 (the current LTS); Neo4j runs in its own container (see docker-compose.yml).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json tsconfig.image.json ./
COPY src ./src
# The image carries the hub, its seed loader and the explorer's bundle (built here with esbuild, a development
# dependency), not the benchmarks and the comparator.
RUN npx tsc -p tsconfig.image.json && node dist/src/tools/cli/build-explorer.js && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY schema ./schema
COPY seeds ./seeds
USER node
EXPOSE 4000
CMD ["node", "dist/src/tools/cli/start.js"]

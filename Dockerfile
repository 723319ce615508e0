# One image for api and worker; docker-compose chooses the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# xmllint validates the bank's pain.002 and camt.054 files against the ISO 20022 schemas.
RUN apt-get update && apt-get install -y --no-install-recommends libxml2-utils && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/data ./data
USER node
EXPOSE 3000
# The api's Node flags: scripts/api-node-arguments.ts says why.
CMD ["node", "--max-semi-space-size=32", "dist/apps/api/src/main.js"]

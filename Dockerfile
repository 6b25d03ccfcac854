# Drill's production image: build once, run scripts/serve.ts (migrate under a lock, then serve).
# Multi-stage: dependencies, build, and a runtime with production dependencies only, as a non-root user.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY lib/server ./lib/server
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 DRILL_STANDALONE=1
RUN npm run build

FROM deps AS prod-deps
# Production dependencies only (tsx, the schema engine, the FSRS binding @open-spaced-repetition/binding-*).
RUN npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
# pg_dump / pg_restore for `npm run backup` and `npm run restore` inside the container.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/package.json /app/next.config.mjs /app/tsconfig.json ./
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/lib ./lib
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/data ./data
RUN chown -R node:node /app/.next
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "scripts/serve.ts"]

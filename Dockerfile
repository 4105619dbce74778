# Saatja's container image. Its build steps are scripts/build-production.sh, the script `npm test`
# runs and then starts the result of, as this image does (apps/bff/test/production.test.ts).
#   docker build -t saatja .
#   docker run -p 3000:3000 -p 2526:2526 --env-file saatja.env -v saatja-data:/data saatja
# See "Running in production" in README.md for the settings.

FROM node:20-bookworm AS build
WORKDIR /src
COPY . .
RUN bash scripts/build-production.sh /out

FROM node:20-bookworm-slim
# Two malloc arenas instead of one per thread: less resident memory for no measurable cost.
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    SAATJA_MODE=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SAATJA_INBOUND_PORT=2526 \
    SAATJA_DATA_DIR=/data
WORKDIR /app
COPY --from=build /out /app
RUN ln -s /app/dist/cli.js /usr/local/bin/saatja \
 && mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000 2526
# Liveness only (/healthz): a database outage must not restart every container; load balancers ask /readyz.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains (SAATJA_DRAIN_TIMEOUT_MS, default 25 s); give `docker stop -t` / the orchestrator's grace period more.
STOPSIGNAL SIGTERM
# V8's heap, sized for a server whose live data is ~35 MB: a 1 MB young generation, and an old
# generation collected when it has grown by half (V8 lets it grow up to 4x under load; the default
# left 170 MB resident after a burst). Node accepts --heap-growing-percent only on its command line.
# npm test and npm run bench start the bundle with this command and the environment above.
CMD ["node", "--max-semi-space-size=1", "--heap-growing-percent=50", "dist/server.js"]

# The demo store's production image: the build (`npm run build`, admin
# included) and scripts/entrypoint.sh, whose role is the command:
#   docker run ... <image> migrate | server | worker
# docker-compose.yml runs the cluster (README, "Running in production").
FROM node:20-bookworm-slim

WORKDIR /app
RUN chown node:node /app
USER node

# Medusa's CLI and modules are dev dependencies of the plugin, so the full
# install is the runtime too.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY --chown=node:node . .
RUN npm run build

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=9000
EXPOSE 9000

# Exec form: the entrypoint execs Medusa, which then receives Docker's
# SIGTERM and shuts down gracefully.
ENTRYPOINT ["/app/scripts/entrypoint.sh"]
CMD ["server"]

import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.join(here, "..")

// The demo storefront talks to the store through its own origin: /store and
// /auth are passed to Medusa by app/store and app/auth (lib/proxy.ts), which
// read MEDUSA_BACKEND_URL when a request comes (rewrites here would fix it
// when the storefront is built).

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  outputFileTracingRoot: root,
  // The kit is read from the repository's source (src/storefront), as the
  // package's "./storefront" export serves it built.
  experimental: { externalDir: true },
  eslint: { ignoreDuringBuilds: true },
  typescript: { tsconfigPath: "tsconfig.json" },
  distDir: process.env.STOREFRONT_DIST_DIR || ".next",
}

export default config

const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// Medusa logs every migration and loader; tests only need errors.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"

// One Jest run covers the three kinds of suite; each file is matched by its
// place: unit specs beside the code, module suites under a module's
// __tests__, HTTP suites under integration-tests/http.
module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/storefront/"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/.medusa/"],
  testMatch: [
    "<rootDir>/src/**/__tests__/**/*.spec.[jt]s",
    "<rootDir>/integration-tests/**/*.spec.[jt]s",
  ],
  // The suites' test runner starts from a migrated template (see the file).
  moduleNameMapper: { "^@medusajs/test-utils$": "<rootDir>/integration-tests/test-utils.js" },
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  globalSetup: "<rootDir>/integration-tests/global-setup.js",
  globalTeardown: "<rootDir>/integration-tests/global-teardown.js",
  testTimeout: 120000,
}

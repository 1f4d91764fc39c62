import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { LOYALTY_CLUB_MODULE } from "../../src/modules/loyalty-club"
import { adminHeaders, failure } from "../helpers"

jest.setTimeout(120000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("Plugin boot", () => {
      it("should serve /health and load the loyalty module", async () => {
        const health = await api.get("/health")
        expect(health.status).toBe(200)
        expect(getContainer().hasRegistration(LOYALTY_CLUB_MODULE)).toBe(true)
      })

      it("should answer a plugin admin route, and only with a login", async () => {
        const unauthenticated = await failure(api.get("/admin/loyalty/wallets"))
        expect(unauthenticated.status).toBe(401)

        const headers = await adminHeaders(getContainer(), api)
        const res = await api.get("/admin/loyalty/wallets", headers)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ wallets: [], count: 0, offset: 0, limit: 20 })
      })
    })
  },
})

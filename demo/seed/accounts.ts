import { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createCustomersWorkflow,
  createUsersWorkflow,
} from "@medusajs/medusa/core-flows"
import { DEMO_ADMIN, DEMO_CUSTOMERS } from "../constants"

/** The demo's shoppers (guests known by email and phone) and its admin login. */
export async function seedAccounts({ container }: ExecArgs) {
  const authModule = container.resolve(Modules.AUTH)

  await createCustomersWorkflow(container).run({
    input: {
      customersData: DEMO_CUSTOMERS.map((c) => ({ ...c, has_account: false })),
    },
  })

  const { result: users } = await createUsersWorkflow(container).run({
    input: {
      users: [
        { email: DEMO_ADMIN.email, first_name: "Demo", last_name: "Admin" },
      ],
    },
  })
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not create the demo admin: ${error}`)
  }
  await authModule.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: users[0].id },
  })
}

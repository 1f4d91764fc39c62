import { defineMiddlewares } from "@medusajs/framework/http"
import { adminWalletRoutesMiddlewares } from "./admin/loyalty/wallets/middlewares"
import { storeWalletRoutesMiddlewares } from "./store/loyalty/wallets/middlewares"

export default defineMiddlewares({
  routes: [...adminWalletRoutesMiddlewares, ...storeWalletRoutesMiddlewares],
})

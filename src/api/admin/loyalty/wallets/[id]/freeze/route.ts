import { setWalletStatusRoute } from "../../../../../utils/wallets"

export const POST = setWalletStatusRoute("frozen")

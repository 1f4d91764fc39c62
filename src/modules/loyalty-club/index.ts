import { Module } from "@medusajs/framework/utils"
import LoyaltyClubModuleService from "./service"

export const LOYALTY_CLUB_MODULE = "loyalty_club"

export default Module(LOYALTY_CLUB_MODULE, {
  service: LoyaltyClubModuleService,
})

import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCashbackRuleRoutesMiddlewares } from "./admin/loyalty/cashback-rules/middlewares"
import { adminLoyaltyOrderRoutesMiddlewares } from "./admin/loyalty/orders/middlewares"
import { adminLoyaltySettingsRoutesMiddlewares } from "./admin/loyalty/settings/middlewares"
import { adminLoyaltyCustomerRoutesMiddlewares } from "./admin/loyalty/customers/middlewares"
import { adminMessageTemplateRoutesMiddlewares } from "./admin/loyalty/message-templates/middlewares"
import { adminPosKeyRoutesMiddlewares } from "./admin/loyalty/pos-keys/middlewares"
import { posLoyaltyRoutesMiddlewares } from "./pos/loyalty/middlewares"
import { adminPurchaseRoutesMiddlewares } from "./admin/loyalty/purchases/middlewares"
import { storeClubCardRoutesMiddlewares } from "./store/loyalty/me/middlewares"
import { storeSignUpRoutesMiddlewares } from "./store/loyalty/sign-up/middlewares"
import { adminTierRoutesMiddlewares } from "./admin/loyalty/tiers/middlewares"
import { adminWalletRoutesMiddlewares } from "./admin/loyalty/wallets/middlewares"
import { storeCartCreditRoutesMiddlewares } from "./store/carts/[id]/loyalty-credit/middlewares"
import { storeCashbackPreviewRoutesMiddlewares } from "./store/loyalty/cashback-preview/middlewares"
import { storeSmsPreferenceRoutesMiddlewares } from "./store/loyalty/sms-preferences/middlewares"
import { storeLoyaltyOrderRoutesMiddlewares } from "./store/loyalty/orders/middlewares"
import { storeTierRoutesMiddlewares } from "./store/loyalty/tier/middlewares"
import { storeWalletRoutesMiddlewares } from "./store/loyalty/wallets/middlewares"
import { storeTransferRoutesMiddlewares } from "./store/loyalty/transfers/middlewares"
import { adminTransferRoutesMiddlewares } from "./admin/loyalty/transfers/middlewares"
// Feedback (the receipt pages under /r need no middleware: no key, no login)
import { adminFeedbackRoutesMiddlewares } from "./admin/loyalty/feedback/middlewares"
import { storeOrderFeedbackRoutesMiddlewares } from "./store/loyalty/orders/[id]/feedback/middlewares"
// Discount codes and occasions
import { adminCodeBatchRoutesMiddlewares } from "./admin/loyalty/code-batches/middlewares"
import { adminCustomerGiftRoutesMiddlewares } from "./admin/loyalty/customers/[id]/gifts/middlewares"
import { storeGiftRoutesMiddlewares } from "./store/loyalty/gifts/middlewares"
import { adminOccasionRoutesMiddlewares } from "./admin/loyalty/occasions/middlewares"
import { adminCustomerBirthdayRoutesMiddlewares } from "./admin/loyalty/customers/[id]/birthday/middlewares"
import { storeBirthdayRoutesMiddlewares } from "./store/loyalty/birthday/middlewares"
import { storeCartPromotionCodeRoutesMiddlewares } from "./store/carts/[id]/promotions/middlewares"
// Referrals
import { storeReferralRoutesMiddlewares } from "./store/loyalty/referrals/middlewares"
import { adminReferralRoutesMiddlewares } from "./admin/loyalty/referrals/middlewares"
// Analytics
import { adminAnalyticsRoutesMiddlewares } from "./admin/loyalty/analytics/middlewares"
// Scores, segments, campaigns and what gateways tell us
import { adminScoreRoutesMiddlewares } from "./admin/loyalty/scores/middlewares"
import { storeInterestRoutesMiddlewares } from "./store/loyalty/interests/middlewares"
import { adminSegmentRoutesMiddlewares } from "./admin/loyalty/segments/middlewares"
import { adminCampaignRoutesMiddlewares } from "./admin/loyalty/campaigns/middlewares"
import { inboundSmsRoutesMiddlewares } from "./hooks/loyalty/sms/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminWalletRoutesMiddlewares,
    ...adminCashbackRuleRoutesMiddlewares,
    ...adminLoyaltySettingsRoutesMiddlewares,
    ...adminLoyaltyOrderRoutesMiddlewares,
    ...adminTierRoutesMiddlewares,
    ...adminLoyaltyCustomerRoutesMiddlewares,
    ...adminMessageTemplateRoutesMiddlewares,
    ...adminPosKeyRoutesMiddlewares,
    ...posLoyaltyRoutesMiddlewares,
    ...adminPurchaseRoutesMiddlewares,
    ...storeClubCardRoutesMiddlewares,
    ...storeSignUpRoutesMiddlewares,
    ...storeWalletRoutesMiddlewares,
    ...storeCashbackPreviewRoutesMiddlewares,
    ...storeCartCreditRoutesMiddlewares,
    ...storeTierRoutesMiddlewares,
    ...storeLoyaltyOrderRoutesMiddlewares,
    ...storeSmsPreferenceRoutesMiddlewares,
    ...storeTransferRoutesMiddlewares,
    ...adminTransferRoutesMiddlewares,
    ...adminFeedbackRoutesMiddlewares,
    ...storeOrderFeedbackRoutesMiddlewares,
    ...adminCodeBatchRoutesMiddlewares,
    ...adminCustomerGiftRoutesMiddlewares,
    ...storeGiftRoutesMiddlewares,
    ...adminOccasionRoutesMiddlewares,
    ...adminCustomerBirthdayRoutesMiddlewares,
    ...storeBirthdayRoutesMiddlewares,
    ...storeCartPromotionCodeRoutesMiddlewares,
    ...storeReferralRoutesMiddlewares,
    ...adminReferralRoutesMiddlewares,
    ...adminAnalyticsRoutesMiddlewares,
    ...adminScoreRoutesMiddlewares,
    ...storeInterestRoutesMiddlewares,
    ...adminSegmentRoutesMiddlewares,
    ...adminCampaignRoutesMiddlewares,
    ...inboundSmsRoutesMiddlewares,
  ],
})

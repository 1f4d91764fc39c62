// The plugin's admin strings, merged by Medusa into the dashboard's i18next
// resources under the "loyalty" namespace (`useTranslation("loyalty")`, or
// the `useLoyaltyTranslation` hook in ../lib/i18n). One JSON file per area
// and language; the areas are the top-level keys: `t("rules.title")`.
// src/admin/__tests__/i18n.spec.ts fails on a key missing in a language or
// not used by any screen.
import arAnalytics from "./locales/ar/analytics.json"
import arCampaigns from "./locales/ar/campaigns.json"
import arCodes from "./locales/ar/codes.json"
import arCommon from "./locales/ar/common.json"
import arErrors from "./locales/ar/errors.json"
import arFeedback from "./locales/ar/feedback.json"
import arOrders from "./locales/ar/orders.json"
import arMessages from "./locales/ar/messages.json"
import arOccasions from "./locales/ar/occasions.json"
import arReferrals from "./locales/ar/referrals.json"
import arRules from "./locales/ar/rules.json"
import arSegments from "./locales/ar/segments.json"
import arTiers from "./locales/ar/tiers.json"
import arTill from "./locales/ar/till.json"
import arTransfers from "./locales/ar/transfers.json"
import arWallet from "./locales/ar/wallet.json"
import enAnalytics from "./locales/en/analytics.json"
import enCampaigns from "./locales/en/campaigns.json"
import enCodes from "./locales/en/codes.json"
import enCommon from "./locales/en/common.json"
import enErrors from "./locales/en/errors.json"
import enFeedback from "./locales/en/feedback.json"
import enOrders from "./locales/en/orders.json"
import enMessages from "./locales/en/messages.json"
import enOccasions from "./locales/en/occasions.json"
import enReferrals from "./locales/en/referrals.json"
import enRules from "./locales/en/rules.json"
import enSegments from "./locales/en/segments.json"
import enTiers from "./locales/en/tiers.json"
import enTill from "./locales/en/till.json"
import enTransfers from "./locales/en/transfers.json"
import enWallet from "./locales/en/wallet.json"
import faAnalytics from "./locales/fa/analytics.json"
import faCampaigns from "./locales/fa/campaigns.json"
import faCodes from "./locales/fa/codes.json"
import faCommon from "./locales/fa/common.json"
import faErrors from "./locales/fa/errors.json"
import faFeedback from "./locales/fa/feedback.json"
import faOrders from "./locales/fa/orders.json"
import faMessages from "./locales/fa/messages.json"
import faOccasions from "./locales/fa/occasions.json"
import faReferrals from "./locales/fa/referrals.json"
import faRules from "./locales/fa/rules.json"
import faSegments from "./locales/fa/segments.json"
import faTiers from "./locales/fa/tiers.json"
import faTill from "./locales/fa/till.json"
import faTransfers from "./locales/fa/transfers.json"
import faWallet from "./locales/fa/wallet.json"

export const LOYALTY_NAMESPACE = "loyalty"

export default {
  en: {
    [LOYALTY_NAMESPACE]: {
      analytics: enAnalytics,
      campaigns: enCampaigns,
      codes: enCodes,
      common: enCommon,
      errors: enErrors,
      feedback: enFeedback,
      messages: enMessages,
      occasions: enOccasions,
      orders: enOrders,
      referrals: enReferrals,
      rules: enRules,
      segments: enSegments,
      tiers: enTiers,
      till: enTill,
      transfers: enTransfers,
      wallet: enWallet,
    },
  },
  fa: {
    [LOYALTY_NAMESPACE]: {
      analytics: faAnalytics,
      campaigns: faCampaigns,
      codes: faCodes,
      common: faCommon,
      errors: faErrors,
      feedback: faFeedback,
      messages: faMessages,
      occasions: faOccasions,
      orders: faOrders,
      referrals: faReferrals,
      rules: faRules,
      segments: faSegments,
      tiers: faTiers,
      till: faTill,
      transfers: faTransfers,
      wallet: faWallet,
    },
  },
  ar: {
    [LOYALTY_NAMESPACE]: {
      analytics: arAnalytics,
      campaigns: arCampaigns,
      codes: arCodes,
      common: arCommon,
      errors: arErrors,
      feedback: arFeedback,
      messages: arMessages,
      occasions: arOccasions,
      orders: arOrders,
      referrals: arReferrals,
      rules: arRules,
      segments: arSegments,
      tiers: arTiers,
      till: arTill,
      transfers: arTransfers,
      wallet: arWallet,
    },
  },
}

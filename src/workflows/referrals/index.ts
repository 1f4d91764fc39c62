export {
  REFERRAL_FRIEND_REFERENCE,
  REFERRAL_ORDER_REFERENCE,
  REFERRAL_REFERENCE,
  type ReferralErrorAnswer,
  type ReferralGift,
} from "./shared"
export type { ReferralBonusPlan, ReferralPlan, ReferralRewardPlan } from "./order-facts"
export * from "./steps"
export * from "./workflows"

import { OccasionsFacade } from "./occasions"

/**
 * The facade's referrals part: referral codes, the programme and referrals
 * (services/referrals.ts).
 */
export class ReferralsFacade extends OccasionsFacade {
  // Referrals (services/referrals.ts): codes, the programme, referrals
  // @@REFERRALS_FACADE (methods go above this line)
}

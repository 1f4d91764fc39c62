/**
 * Referrals: members' referral codes, the shop's programme, and each
 * referral from the friend's claim to the referrer's reward, with the
 * fraud checks' reads. SQL only; the workflows decide.
 */
export class ReferralsRoom {
  // @@REFERRALS_ROOM
}

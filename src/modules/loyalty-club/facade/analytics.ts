import { ReferralsFacade } from "./referrals"

/**
 * The facade's analytics part: the rollups and the figures of the Loyalty
 * analytics page (services/analytics*.ts).
 */
export class AnalyticsFacade extends ReferralsFacade {
  // Analytics (services/analytics*.ts)
  // @@ANALYTICS_FACADE (methods go above this line)
}

import { AnalyticsFacade } from "./analytics"

/** The facade's scores part: customers' RFM/LRFM scores and interests (services/scores.ts). */
export class ScoresFacade extends AnalyticsFacade {}

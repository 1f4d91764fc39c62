/** The room of customers' RFM/LRFM scores, named segments, channel mix and interests (rebuilt set-based). */
export class ScoresRoom {}

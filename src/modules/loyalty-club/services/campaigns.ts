/** The room of SMS campaigns and automations: recipients, holdout, status moves, results. */
export class CampaignsRoom {}

import { SegmentsFacade } from "./segments"

/** The facade's campaigns part: SMS campaigns and automations (services/campaigns.ts). */
export class CampaignsFacade extends SegmentsFacade {}

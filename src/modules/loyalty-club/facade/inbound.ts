import { CampaignsFacade } from "./campaigns"

/** The facade's inbound part: gateways' replies and delivery reports (services/inbound.ts). */
export class InboundFacade extends CampaignsFacade {}

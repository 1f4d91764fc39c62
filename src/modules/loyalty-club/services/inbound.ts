/** The room of what gateways tell us: replies (opt-outs) and delivery reports. */
export class InboundRoom {}

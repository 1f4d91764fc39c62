import { DAL } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import {
  AutomationMember,
  Birthday,
  Campaign,
  CampaignRecipient,
  CashbackRule,
  Code,
  CodeBatch,
  CodeUse,
  CreditTransfer,
  CustomerTier,
  CustomerScore,
  Feedback,
  InboundMessage,
  LoyaltySettings,
  Message,
  MessageTemplate,
  Occasion,
  OccasionGrant,
  OneTimeCode,
  PosKey,
  PosPurchase,
  Referral,
  ReferralCode,
  ReferralProgram,
  Segment,
  SmsPreference,
  Tier,
  TierHistory,
  Wallet,
  WalletLot,
  WalletLotAllocation,
  WalletTransaction,
} from "../models"
import {
  LoyaltyRecoveryOptions,
  resolveOptions,
  ResolvedLoyaltyClubOptions,
} from "../options"
import {
  AnalyticsMonthsRoom,
  AnalyticsProgrammesRoom,
  AnalyticsRollupsRoom,
  AnalyticsRoom,
  CampaignResultsRoom,
  CampaignsRoom,
  CashbackRoom,
  CodesRoom,
  FeedbackRoom,
  InboundRoom,
  Ledger,
  MessagesRoom,
  OccasionsRoom,
  RecoveryRoom,
  ReferralReadsRoom,
  ReferralsRoom,
  ScoresRoom,
  SegmentsRoom,
  SettingsRoom,
  TillRoom,
  TiersRoom,
  TransfersRoom,
} from "../services"
import { LoyaltyClubModuleOptions } from "../types"

type InjectedDependencies = Record<string, unknown>

/**
 * The generated CRUD of every model (listWallets, createCodes, ...). The
 * facade's parts extend it in a chain (base, ledger, club, till, members,
 * codes, occasions) and ../service.ts closes it: Medusa's loader
 * instantiates only that last class, which inherits every method here.
 * None of these names ends in `Service` (see services/index.ts), and this
 * folder is not one the loader scans (services/, models/, repositories/).
 */
export const LoyaltyClubBase = MedusaService({
  AutomationMember,
  Birthday,
  LoyaltyCampaign: Campaign,
  CampaignRecipient,
  CashbackRule,
  Code,
  CodeBatch,
  CodeUse,
  CreditTransfer,
  CustomerTier,
  CustomerScore,
  Feedback,
  InboundMessage,
  LoyaltySettings,
  Message,
  MessageTemplate,
  Occasion,
  OccasionGrant,
  OneTimeCode,
  PosKey,
  PosPurchase,
  Referral,
  ReferralCode,
  ReferralProgram,
  Segment,
  SmsPreference,
  Tier,
  TierHistory,
  Wallet,
  WalletTransaction,
  WalletLot,
  WalletLotAllocation,
})

/** The options and the rooms every part of the facade hands over to. */
export class LoyaltyClubRooms extends LoyaltyClubBase {
  protected readonly options_: ResolvedLoyaltyClubOptions
  protected readonly ledger_: Ledger
  protected readonly recovery_: RecoveryRoom
  protected readonly transfers_: TransfersRoom
  protected readonly cashback_ = new CashbackRoom()
  protected readonly tiers_ = new TiersRoom()
  protected readonly messages_ = new MessagesRoom()
  protected readonly settings_ = new SettingsRoom()
  protected readonly feedback_ = new FeedbackRoom()
  protected readonly occasions_ = new OccasionsRoom()
  protected readonly codes_ = new CodesRoom()
  protected readonly referrals_ = new ReferralsRoom()
  protected readonly referralReads_ = new ReferralReadsRoom()
  protected readonly analytics_ = new AnalyticsRoom()
  protected readonly analyticsMonths_ = new AnalyticsMonthsRoom()
  protected readonly analyticsProgrammes_ = new AnalyticsProgrammesRoom()
  protected readonly analyticsRollups_ = new AnalyticsRollupsRoom()
  protected readonly scores_ = new ScoresRoom()
  protected readonly segments_ = new SegmentsRoom()
  protected readonly campaigns_ = new CampaignsRoom()
  protected readonly campaignResults_ = new CampaignResultsRoom()
  protected readonly inbound_ = new InboundRoom()
  protected readonly till_ = new TillRoom((filters, config, sharedContext) =>
    this.listPosPurchases(filters, config, sharedContext)
  )

  constructor(
    container: InjectedDependencies,
    options: LoyaltyClubModuleOptions & LoyaltyRecoveryOptions = {}
  ) {
    // @ts-ignore MedusaService takes the container as its only argument
    super(...arguments)
    this.options_ = resolveOptions(options)
    // The repository MedusaService uses too: the ledger's
    // @InjectTransactionManager() methods open their transactions with it.
    this.ledger_ = new Ledger(container.baseRepository as DAL.RepositoryService, this.options_)
    this.recovery_ = new RecoveryRoom(this.options_)
    this.transfers_ = new TransfersRoom(container.baseRepository as DAL.RepositoryService, this.ledger_, this.options_.lock_timeout_ms)
  }
}

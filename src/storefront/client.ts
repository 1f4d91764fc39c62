// A typed client for every store route of the plugin, over the storefront's
// own `@medusajs/js-sdk` instance (its base URL, publishable key and login
// are reused: the kit never holds a token of its own).
import type {
  Birthday,
  BirthdayInput,
  CashbackPreview,
  ClubCard,
  CustomerTier,
  Feedback,
  Gift,
  Interest,
  LoyaltyCredit,
  OrderCashback,
  Referral,
  ReferralMe,
  SmsPreference,
  Transfer,
  Wallet,
  WalletTransaction,
} from "./types"

/** What the kit needs of a `Medusa` instance from `@medusajs/js-sdk`: its `client.fetch`. */
export type SdkLike = {
  client: {
    fetch<T>(input: string, init?: { method?: string; body?: Record<string, any>; query?: Record<string, any>; headers?: Record<string, string> }): Promise<T>
  }
}

type Query = Record<string, string | number | boolean | string[] | undefined>
type Paging = { limit?: number; offset?: number }

const clean = (query: Query | undefined) =>
  query ? Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) : undefined

/**
 * The plugin's store API. Pass `locale` to have names (rules, tiers,
 * history lines) in the shopper's language; it becomes Medusa's `locale`
 * query parameter.
 *
 * @example
 * const sdk = new Medusa({ baseUrl, publishableKey, auth: { type: "session" } })
 * const club = createLoyaltyClient(sdk, { locale: "fa" })
 * const { wallets } = await club.wallets.list()
 */
export function createLoyaltyClient(sdk: SdkLike, options: { locale?: string } = {}) {
  const get = <T>(path: string, query?: Query) =>
    sdk.client.fetch<T>(path, { method: "GET", query: clean({ ...(options.locale ? { locale: options.locale } : {}), ...query }) })
  const send = <T>(method: "POST" | "DELETE", path: string, body?: Record<string, any>, headers?: Record<string, string>, query?: Query) =>
    sdk.client.fetch<T>(path, {
      method,
      body,
      headers,
      query: clean({ ...(options.locale ? { locale: options.locale } : {}), ...query }),
    })
  const id = encodeURIComponent

  return {
    locale: options.locale,
    wallets: {
      /** The shopper's wallets with their balances (available, pending, expiring soon). */
      list: (query: Paging = {}) => get<{ wallets: Wallet[]; count: number; offset: number; limit: number }>("/store/loyalty/wallets", query),
      /** One wallet's history, newest first, in the shopper's words. */
      transactions: (walletId: string, query: Paging = {}) =>
        get<{ transactions: WalletTransaction[]; count: number; offset: number; limit: number }>(`/store/loyalty/wallets/${id(walletId)}/transactions`, query),
    },
    cart: {
      /**
       * Puts wallet credit on the cart (no amount: the most allowed); the
       * answer carries the cart, with `fields` as core's cart routes take them.
       */
      applyCredit: <C = Record<string, unknown>>(cartId: string, amount?: string | null, fields?: string) =>
        send<{ cart: C; loyalty_credit: LoyaltyCredit }>("POST", `/store/carts/${id(cartId)}/loyalty-credit`, amount ? { amount } : {}, undefined, { fields }),
      /** Takes the credit off the cart. */
      removeCredit: <C = Record<string, unknown>>(cartId: string, fields?: string) =>
        send<{ cart: C; loyalty_credit: LoyaltyCredit }>("DELETE", `/store/carts/${id(cartId)}/loyalty-credit`, undefined, undefined, { fields }),
    },
    cashback: {
      /** What a cart would earn. */
      previewCart: (cartId: string) => get<{ cashback: CashbackPreview }>("/store/loyalty/cashback-preview", { cart_id: cartId }),
      /** What a product page's quantity would earn, in a region's (or a currency's) prices. */
      previewVariant: (input: { variant_id: string; quantity?: number; region_id?: string; currency_code?: string }) =>
        get<{ cashback: CashbackPreview }>("/store/loyalty/cashback-preview", input),
      /** What one of the shopper's orders earned, per rule. */
      order: (orderId: string) => get<OrderCashback>(`/store/loyalty/orders/${id(orderId)}/cashback`),
    },
    /** The shopper's club card. */
    me: () => get<{ club_card: ClubCard }>("/store/loyalty/me"),
    /** The shopper's tier and the way to the next one. */
    tier: () => get<{ customer_tier: CustomerTier }>("/store/loyalty/tier"),
    signUp: {
      /** Texts a one-time code to the phone (429 when asked too often). */
      sendCode: (phone: string) => send<{ sent: true; expires_at: string }>("POST", "/store/loyalty/sign-up", { phone }),
      /** Proves the phone with the code: the logged-in shopper (or a new member) joins the club. */
      verify: (input: { phone: string; code: string; birthday?: BirthdayInput; referral_code?: string }) =>
        send<{ club_card: ClubCard; referral: unknown; referral_error: unknown }>("POST", "/store/loyalty/sign-up/verify", input),
    },
    sms: {
      get: () => get<{ sms_preference: SmsPreference }>("/store/loyalty/sms-preferences"),
      update: (input: Partial<SmsPreference>) => send<{ sms_preference: SmsPreference }>("POST", "/store/loyalty/sms-preferences", input),
    },
    gifts: {
      list: (query: Paging = {}) => get<{ gifts: Gift[]; count: number; offset: number; limit: number }>("/store/loyalty/gifts", query),
    },
    birthday: {
      get: () => get<{ birthday: Birthday | null }>("/store/loyalty/birthday"),
      set: (input: BirthdayInput) => send<{ birthday: Birthday }>("POST", "/store/loyalty/birthday", input),
      clear: () => send<{ birthday: null }>("DELETE", "/store/loyalty/birthday"),
    },
    transfers: {
      list: (query: Paging & { status?: string } = {}) =>
        get<{ transfers: Transfer[]; count: number; offset: number; limit: number }>("/store/loyalty/transfers", query),
      /** Sends credit to a phone; the idempotency key makes a retry send once. */
      send: (input: { currency_code: string; amount: string; phone: string; message?: string }, idempotencyKey: string) =>
        send<{ transfer: Transfer }>("POST", "/store/loyalty/transfers", input, { "Idempotency-Key": idempotencyKey }),
      /** Texts the claim code for a claim link's token. */
      sendClaimCode: (token: string) => send<{ sent: true; expires_at: string; phone: string }>("POST", "/store/loyalty/transfers/claim/code", { token }),
      claim: (input: { token: string; code?: string }) =>
        send<{ transfer: Transfer; club_card: ClubCard }>("POST", "/store/loyalty/transfers/claim", input),
    },
    referrals: {
      me: () => get<ReferralMe>("/store/loyalty/referrals/me"),
      list: (query: Paging = {}) => get<{ referrals: Referral[]; count: number; limit: number; offset: number }>("/store/loyalty/referrals", query),
      claim: (input: { code: string; device_id?: string }) =>
        send<{ referral: { id: string; status: string; reasons: string[]; created_at: string }; gift: unknown }>("POST", "/store/loyalty/referrals/claim", input),
      /** For a landing page: whether a code is valid and what the friend gets (never who owns it). */
      lookup: (code: string) =>
        get<{ valid: boolean; friend_gift_type: string; friend_credit: Record<string, string> | null; min_order_amount: Record<string, string> | null }>(
          `/store/loyalty/referrals/codes/${id(code)}`
        ),
    },
    /** The shopper's top product categories. */
    interests: () => get<{ interests: Interest[] }>("/store/loyalty/interests"),
    feedback: {
      get: (orderId: string) => get<{ feedback: Feedback | null }>(`/store/loyalty/orders/${id(orderId)}/feedback`),
      send: (orderId: string, input: { rating: number; comment?: string }) =>
        send<{ feedback: Feedback }>("POST", `/store/loyalty/orders/${id(orderId)}/feedback`, input),
    },
  }
}

export type LoyaltyClient = ReturnType<typeof createLoyaltyClient>

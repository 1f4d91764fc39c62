import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { withDefaults } from "./options"
import { SmsProviderOptions } from "./types"

type ProviderEntry = { resolve?: unknown; id?: string; options?: Record<string, unknown> }

/**
 * The options of the store's SMS provider (ours, on the notification
 * module's `sms` channel), as the store wrote them in medusa-config, with
 * the provider's defaults; null when the store runs no such provider. The
 * inbound routes read the gateway's secrets here (Twilio's auth token, the
 * webhook's secret, Kavenegar's forward token) and the campaign pages which
 * gateway prices apply: the options live in the notification module, which
 * does not hand its providers' options out.
 */
export function smsProviderOptions(container: MedusaContainer): SmsProviderOptions | null {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const modules = (config.modules ?? {}) as Record<string, unknown>
  const notification = modules[Modules.NOTIFICATION] as { options?: { providers?: ProviderEntry[] } } | boolean | undefined
  const providers =
    notification && typeof notification === "object" ? notification.options?.providers ?? [] : []
  // Ours by where it is loaded from (the repository's ./src/providers/sms,
  // or the installed package's providers/sms); any provider of the `sms`
  // channel whose options name one of our gateways is taken too, for a store
  // that copied the provider under another path.
  const ours =
    providers.find((p) => typeof p.resolve === "string" && /(^|[/\\])providers[/\\]sms([/\\]|$)/.test(p.resolve)) ??
    providers.find((p) => {
      const channels = (p.options?.channels as string[] | undefined) ?? []
      return channels.includes("sms") && typeof p.options?.gateway === "string"
    })
  return ours ? withDefaults((ours.options ?? {}) as SmsProviderOptions) : null
}

/** The gateway the store sends through; `log` when none is configured. */
export function smsGatewayName(container: MedusaContainer): NonNullable<SmsProviderOptions["gateway"]> {
  return smsProviderOptions(container)?.gateway ?? "log"
}

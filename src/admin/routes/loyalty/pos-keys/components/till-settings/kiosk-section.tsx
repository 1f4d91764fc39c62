import { Input, Text } from "@medusajs/ui"
import { SettingField, SettingSwitch } from "../../../../../lib/settings-form"
import { countriesHint } from "./countries"
import {
  DEFAULT_HOURLY_CAP,
  DEFAULT_PER_ADDRESS,
  errorTestId,
  SectionProps,
} from "./draft"
import { Shop } from "./shop"

/**
 * Joining at the kiosk: which countries' numbers may ask for a sign-up code,
 * how many codes an hour and per device, and whose address counts.
 */
export const KioskSection = ({
  draft,
  errors,
  change,
  regionCountries,
}: SectionProps & {
  regionCountries: Shop["regionCountries"] | undefined
}) => (
  <div className="flex flex-col gap-y-4 px-6 py-4">
    <div>
      <Text size="small" weight="plus">
        Joining at the kiosk
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        A new member types their mobile number and gets a code by SMS. These
        limits stop anyone from running up the shop's SMS bill with made-up
        numbers.
      </Text>
    </div>
    <div className="grid grid-cols-1 gap-x-6 gap-y-4 md:grid-cols-3">
      <SettingField
        id="till-signup-countries"
        label="Countries"
        hint={countriesHint(draft.signup_countries, regionCountries)}
        error={errors.signup_countries}
        errorTestId={errorTestId("signup_countries")}
      >
        <Input
          id="till-signup-countries"
          size="small"
          dir="ltr"
          autoComplete="off"
          placeholder={
            regionCountries?.length ? regionCountries.join(", ") : "IR"
          }
          value={draft.signup_countries}
          onChange={(e) =>
            change({ signup_countries: e.target.value }, "signup_countries")
          }
          aria-invalid={!!errors.signup_countries || undefined}
        />
      </SettingField>
      <SettingField
        id="till-signup-hourly-cap"
        label="Sign-up codes per hour"
        hint={`For the whole shop, 1 to 1,000,000. Past it, new sign-ups wait for the next hour. Empty: ${DEFAULT_HOURLY_CAP}.`}
        error={errors.signup_hourly_cap}
        errorTestId={errorTestId("signup_hourly_cap")}
      >
        <Input
          id="till-signup-hourly-cap"
          size="small"
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          placeholder={String(DEFAULT_HOURLY_CAP)}
          value={draft.signup_hourly_cap}
          onChange={(e) =>
            change({ signup_hourly_cap: e.target.value }, "signup_hourly_cap")
          }
          aria-invalid={!!errors.signup_hourly_cap || undefined}
        />
      </SettingField>
      <SettingField
        id="till-signup-per-address"
        label="Sign-up codes per device in 10 minutes"
        hint={`How many codes one phone, computer or network may ask for in 10 minutes, 1 to 10,000. Empty: ${DEFAULT_PER_ADDRESS}.`}
        error={errors.signup_per_address_limit}
        errorTestId={errorTestId("signup_per_address_limit")}
      >
        <Input
          id="till-signup-per-address"
          size="small"
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          placeholder={String(DEFAULT_PER_ADDRESS)}
          value={draft.signup_per_address_limit}
          onChange={(e) =>
            change(
              { signup_per_address_limit: e.target.value },
              "signup_per_address_limit"
            )
          }
          aria-invalid={!!errors.signup_per_address_limit || undefined}
        />
      </SettingField>
    </div>
    <SettingSwitch
      id="till-signup-behind-proxy"
      weight="plus"
      label="The store runs behind our own proxy"
      hint="Turn on only if the store's server sits behind a proxy or load balancer you run (nginx, Cloudflare, …) that passes on each visitor's address: the limit per device then counts that address. Off: the connection's own address counts, and nobody can dodge the limit by faking a header."
      checked={draft.signup_behind_proxy}
      onCheckedChange={(v) =>
        change({ signup_behind_proxy: v }, "signup_behind_proxy")
      }
      error={errors.signup_behind_proxy}
      errorTestId={errorTestId("signup_behind_proxy")}
    />
  </div>
)

// The plugin's admin requests. Medusa's JS SDK drops the `code` of an error
// body, and the admin translates API errors by that code, so requests go
// through this small fetch that keeps it (same origin, session cookie, as
// the SDK's session auth does).
import { useCallback } from "react"
import { useLoyaltyTranslation } from "./i18n"

export class LoyaltyApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly type?: string
  ) {
    super(message)
  }
}

type Query = Record<string, string | number | boolean | string[] | undefined | null>

export type ApiInit = {
  method?: "GET" | "POST" | "DELETE"
  body?: unknown
  query?: Query
  headers?: Record<string, string>
}

function searchParams(query?: Query) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue
    for (const one of Array.isArray(value) ? value : [value]) {
      params.append(Array.isArray(value) ? `${key}[]` : key, String(one))
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const response = await fetch(`${path}${searchParams(init.query)}`, {
    method: init.method ?? "GET",
    credentials: "include",
    headers: {
      accept: "application/json",
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  const json = text ? JSON.parse(text) : {}
  if (!response.ok) {
    throw new LoyaltyApiError(
      json.message ?? response.statusText,
      response.status,
      json.code,
      json.type
    )
  }
  return json as T
}

/** One key per submitted form: a double click or a retry never acts twice. */
export const idempotencyKey = () =>
  globalThis.crypto?.randomUUID?.() ??
  `${Date.now()}-${Math.random().toString(36).slice(2)}`

/**
 * An API error in the admin's language: by the code the API returns
 * (`errors.<code>`), a conflict or a lost connection by kind; in English a
 * message without a known code reads as the API wrote it.
 */
export function useErrorText() {
  const { t, language } = useLoyaltyTranslation()
  return useCallback(
    (error: unknown) => {
      if (error instanceof LoyaltyApiError) {
        if (error.code && error.code.startsWith("loyalty_")) {
          return t(`errors.${error.code}`)
        }
        if (error.status === 409) {
          return t("errors.conflict")
        }
        if (language === "en" && error.status < 500 && error.message) {
          return error.message
        }
        return t("errors.unknown")
      }
      if (error instanceof TypeError) {
        return t("errors.network")
      }
      return t("errors.unknown")
    },
    [language, t]
  )
}

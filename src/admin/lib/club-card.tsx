import { Badge, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { ClubCard, formatDate, formatMoney } from "./client"

const money = (list: { currency_code: string; amount: string }[]) =>
  list.length
    ? list.map((m) => formatMoney(m.amount, m.currency_code))
    : ["—"]

/**
 * One customer's club at a glance, online and in store: shown by the
 * customer widget and after a purchase is registered.
 */
export const ClubCardFigures = ({ card }: { card: ClubCard }) => (
  <div className="flex flex-col gap-y-4" data-testid="club-card">
    <div className="grid grid-cols-2 gap-4">
      <Figure label="Purchases" testId="club-card-purchases">
        <Text size="large" weight="plus">
          {card.purchases.toLocaleString()}
        </Text>
      </Figure>
      <Figure label="Last visit">
        <Text size="small" weight="plus">
          {formatDate(card.last_visit)}
        </Text>
      </Figure>
      <Figure label="Total spend">
        {money(card.total_spend).map((m) => (
          <Text key={m} size="small" weight="plus">
            {m}
          </Text>
        ))}
      </Figure>
      <Figure label="Cashback received">
        {money(card.cashback_received).map((m) => (
          <Text key={m} size="small" weight="plus">
            {m}
          </Text>
        ))}
      </Figure>
      <Figure label="Balance">
        {money(
          card.balances.map((b) => ({
            currency_code: b.currency_code,
            amount: b.available,
          }))
        ).map((m) => (
          <Text key={m} size="small" weight="plus">
            {m}
          </Text>
        ))}
      </Figure>
      <Figure label="Tier">
        <Text
          size="small"
          weight="plus"
          className={card.tier ? "" : "text-ui-fg-muted"}
        >
          {card.tier?.name ?? "None"}
        </Text>
      </Figure>
    </div>
    <Figure label="Buys through" testId="club-card-channels">
      {card.channels.length ? (
        <div className="flex flex-wrap gap-1">
          {card.channels.map((c) => (
            <Badge key={c} size="2xsmall">
              {c}
            </Badge>
          ))}
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          No purchases yet
        </Text>
      )}
    </Figure>
  </div>
)

const Figure = ({
  label,
  testId,
  children,
}: {
  label: string
  testId?: string
  children: ReactNode
}) => (
  <div className="flex min-w-0 flex-col gap-y-0.5" data-testid={testId}>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    {children}
  </div>
)

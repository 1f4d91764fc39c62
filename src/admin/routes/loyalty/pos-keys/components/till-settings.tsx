// The till's and the kiosk's settings on the Till keys page: two panels of
// the club's settings, their parts in till-settings/ beside this file.
import { KioskPanel } from "./till-settings/kiosk-panel"
import { useShop } from "./till-settings/shop"
import { TillPanel } from "./till-settings/till-panel"

/**
 * At the till (the code to spend credit, the largest purchase) and at the
 * kiosk (who may join by SMS, how often, the welcome credit).
 */
export const TillSettings = () => {
  // The per-currency fields need the store's currencies first.
  const { data: shop } = useShop()
  if (!shop) {
    return null
  }
  return (
    <>
      <TillPanel shop={shop} />
      <KioskPanel shop={shop} />
    </>
  )
}

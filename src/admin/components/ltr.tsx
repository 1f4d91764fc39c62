import { ReactNode } from "react"

/**
 * Numbers, codes, Latin names, ids and phone numbers inside right-to-left
 * text: isolated, so "0912 345 6789" or "IRR" never scramble the sentence.
 */
export const Ltr = ({ children, className }: { children: ReactNode; className?: string }) => (
  <bdi dir="ltr" className={className}>
    {children}
  </bdi>
)

/** Data of unknown direction (a name, a note): isolated, direction by its own text. */
export const Data = ({ children, className }: { children: ReactNode; className?: string }) => (
  <bdi dir="auto" className={className}>
    {children}
  </bdi>
)

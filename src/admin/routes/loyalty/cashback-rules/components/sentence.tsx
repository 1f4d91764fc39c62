import { Fragment, ReactNode } from "react"

// A sentence is translated whole, with its values in slots, so each
// language puts them where its grammar wants ("5% on Coffee" reads
// "۵٪ روی قهوه"); each slot then renders in its own bidi isolation.
const MARK = "\u2063"

/** The value to pass to `t` for a slot that `fill` replaces with a node. */
export const slot = (name: string) => `${MARK}${name}${MARK}`

const SLOTS = new RegExp(`${MARK}(\\w+)${MARK}`)

/** A translated text with its slots replaced by React nodes. */
export function fill(text: string, nodes: Record<string, ReactNode>): ReactNode {
  const parts = text.split(SLOTS)
  return parts.map((part, i) =>
    i % 2 ? <Fragment key={i}>{nodes[part]}</Fragment> : part
  )
}

/** A value inside plain text (a toast, a prompt): isolated by Unicode marks. */
export const isolate = (text: string) => `\u2068${text}\u2069`

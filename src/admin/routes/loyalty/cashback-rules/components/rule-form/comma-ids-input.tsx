import { Input } from "@medusajs/ui"
import { useEffect, useState } from "react"

const commaIds = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** Ids typed as text, kept as typed until the field is left. */
export const CommaIdsInput = ({
  id,
  value,
  onChange,
  placeholder,
  invalid,
}: {
  id: string
  value: string[]
  onChange: (ids: string[]) => void
  placeholder: string
  invalid?: boolean
}) => {
  const [text, setText] = useState(value.join(", "))
  useEffect(() => {
    setText((current) =>
      commaIds(current).join(",") === value.join(",")
        ? current
        : value.join(", ")
    )
  }, [value])
  return (
    <Input
      id={id}
      value={text}
      placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value)
        onChange(commaIds(e.target.value))
      }}
      aria-invalid={invalid || undefined}
    />
  )
}

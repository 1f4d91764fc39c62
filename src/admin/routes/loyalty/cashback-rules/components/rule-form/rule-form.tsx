// The rule form's shell: the modal, the form's state and its submit. Each
// section of fields lives in its own file beside this one.
import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import { FormEvent, useEffect, useState } from "react"
import { CashbackRule, errorMessage, sdk } from "../../../../../lib/client"
import { AmountSection } from "./amount-section"
import { BasicsSection } from "./basics-section"
import { fieldInMessage } from "./field-in-message"
import {
  changedInput,
  FormState,
  IdListField,
  initialState,
  toInput,
} from "./form-state"
import { EMPTY_OPTIONS, loadOptions, Options } from "./options"
import { ScopeSection } from "./scope-section"
import { TimingSection } from "./timing-section"
import { WhoSection } from "./who-section"

type Props = {
  open: boolean
  /** The rule to edit; null to create one. */
  rule: CashbackRule | null
  onOpenChange: (open: boolean) => void
  onSaved: (rule: CashbackRule) => void
}

export const RuleForm = ({ open, rule, onOpenChange, onSaved }: Props) => {
  const [options, setOptions] = useState<Options>(EMPTY_OPTIONS)
  // Each opening mounts a fresh form whose first render already holds the
  // rule. Filled in by an effect instead, the fields first rendered an empty
  // rule and then changed under the selects, which Radix answers with a
  // value of its own (see the currency select).
  const [opening, setOpening] = useState(0)
  const [wasOpen, setWasOpen] = useState(open)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) {
      setOpening((n) => n + 1)
    }
  }

  useEffect(() => {
    if (open && options === EMPTY_OPTIONS) {
      loadOptions().then(setOptions)
    }
  }, [open, options])

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <RuleFormBody
          key={opening}
          rule={rule}
          options={options}
          onSaved={onSaved}
        />
      </FocusModal.Content>
    </FocusModal>
  )
}

const RuleFormBody = ({
  rule,
  options,
  onSaved,
}: {
  rule: CashbackRule | null
  options: Options
  onSaved: (rule: CashbackRule) => void
}) => {
  const [state, setState] = useState<FormState>(() => initialState(rule))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const badField = fieldInMessage(error)

  // Editing the field the API complained about clears its message.
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }))
    const field =
      key === "multiplier_on"
        ? badField
        : key.replace(/^multiplier_/, "multiplier.")
    if (badField && field === badField) {
      setError(null)
    }
  }
  const setScope = (field: IdListField, ids: string[]) => {
    setState((s) => ({ ...s, scope: { ...s.scope, [field]: ids } }))
    if (badField === "scope.") {
      setError(null)
    }
  }
  const invalid = (field: string) =>
    badField === field || (badField === "scope." && field.startsWith("scope."))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    let body
    try {
      // An edit sends only what changed: nothing else can be rewritten.
      body = rule ? changedInput(state, rule) : toInput(state)
    } catch (e) {
      setError(errorMessage(e))
      return
    }
    setBusy(true)
    try {
      const { cashback_rule } = await sdk.client.fetch<{
        cashback_rule: CashbackRule
      }>(
        rule
          ? `/admin/loyalty/cashback-rules/${rule.id}`
          : "/admin/loyalty/cashback-rules",
        { method: "POST", body }
      )
      onSaved(cashback_rule)
    } catch (e) {
      // The API names the field at fault: keep the form open to fix it.
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex h-full flex-col overflow-hidden"
      data-testid="rule-form"
    >
      <FocusModal.Header />
      <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-10">
        <div className="flex w-full max-w-[720px] flex-col gap-y-10 px-4">
          <div>
            <FocusModal.Title asChild>
              <Heading level="h1">
                {rule ? "Edit cashback rule" : "Create cashback rule"}
              </Heading>
            </FocusModal.Title>
            <Text size="small" className="text-ui-fg-subtle">
              {rule
                ? "Changes apply to orders placed from now on; cashback already paid stays as it is."
                : "What a shopper earns back into their wallet, on which items, and when they can spend it."}
            </Text>
          </div>
          <BasicsSection state={state} set={set} invalid={invalid} />
          <AmountSection
            state={state}
            set={set}
            invalid={invalid}
            options={options}
          />
          <TimingSection state={state} set={set} invalid={invalid} />
          <ScopeSection
            state={state}
            invalid={invalid}
            options={options}
            setScope={setScope}
            badField={badField}
            error={error}
          />
          <WhoSection
            state={state}
            set={set}
            invalid={invalid}
            options={options}
          />
        </div>
      </FocusModal.Body>
      {error && (
        <div className="bg-ui-bg-subtle flex justify-center border-t px-6 py-3">
          <Text
            size="small"
            weight="plus"
            className="text-ui-fg-error w-full max-w-[720px] px-4"
            data-testid="rule-form-error"
            role="alert"
          >
            {error}
          </Text>
        </div>
      )}
      <FocusModal.Footer>
        <div className="flex items-center justify-end gap-x-2">
          <FocusModal.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Cancel
            </Button>
          </FocusModal.Close>
          <Button
            size="small"
            type="submit"
            isLoading={busy}
            data-testid="rule-form-submit"
          >
            {rule ? "Save rule" : "Create rule"}
          </Button>
        </div>
      </FocusModal.Footer>
    </form>
  )
}

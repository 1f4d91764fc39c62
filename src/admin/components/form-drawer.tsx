import { Button, Drawer, FocusModal, Heading, Text } from "@medusajs/ui"
import { FormEventHandler, ReactNode } from "react"
import { useLoyaltyTranslation } from "../lib/i18n"

type Shell = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  onSubmit: FormEventHandler<HTMLFormElement>
  submitting?: boolean
  submitLabel?: string
  children: ReactNode
  /** A test id for the form element. */
  testId?: string
}

const Footer = ({
  submitting,
  submitLabel,
  onCancel,
  testId,
}: {
  submitting?: boolean
  submitLabel?: string
  onCancel: () => void
  testId?: string
}) => {
  const { t } = useLoyaltyTranslation()
  return (
    <div className="flex items-center justify-end gap-x-2">
      <Button type="button" variant="secondary" size="small" onClick={onCancel}>
        {t("common.actions.cancel")}
      </Button>
      <Button
        type="submit"
        size="small"
        isLoading={submitting}
        data-testid={testId ? `${testId}-submit` : undefined}
      >
        {submitLabel ?? t("common.actions.save")}
      </Button>
    </div>
  )
}

/** A short create/edit form in a side drawer (as Medusa edits a record). */
export const FormDrawer = ({
  open,
  onOpenChange,
  title,
  description,
  onSubmit,
  submitting,
  submitLabel,
  children,
  testId,
}: Shell) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      <form onSubmit={onSubmit} noValidate className="flex h-full flex-col overflow-hidden" data-testid={testId}>
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{title}</Heading>
          </Drawer.Title>
          {description && (
            // Medusa's Drawer.Description is a Text already.
            <Drawer.Description className="text-ui-fg-subtle txt-small">
              {description}
            </Drawer.Description>
          )}
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">{children}</Drawer.Body>
        <Drawer.Footer>
          <Footer
            submitting={submitting}
            submitLabel={submitLabel}
            onCancel={() => onOpenChange(false)}
            testId={testId}
          />
        </Drawer.Footer>
      </form>
    </Drawer.Content>
  </Drawer>
)

/** A long create/edit form in a full-screen modal (as Medusa creates a promotion). */
export const FormModal = ({
  open,
  onOpenChange,
  title,
  description,
  onSubmit,
  submitting,
  submitLabel,
  children,
  testId,
}: Shell) => (
  <FocusModal open={open} onOpenChange={onOpenChange}>
    <FocusModal.Content>
      <form onSubmit={onSubmit} noValidate className="flex h-full flex-col overflow-hidden" data-testid={testId}>
        <FocusModal.Header>
          <Footer
            submitting={submitting}
            submitLabel={submitLabel}
            onCancel={() => onOpenChange(false)}
            testId={testId}
          />
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-10">
          <div className="flex w-full max-w-[720px] flex-col gap-y-6 px-4">
            <div className="flex flex-col gap-y-1">
              <FocusModal.Title asChild>
                <Heading>{title}</Heading>
              </FocusModal.Title>
              {description && (
                <FocusModal.Description asChild>
                  <Text size="small" className="text-ui-fg-subtle">
                    {description}
                  </Text>
                </FocusModal.Description>
              )}
            </div>
            {children}
          </div>
        </FocusModal.Body>
      </form>
    </FocusModal.Content>
  </FocusModal>
)

import { toast } from "@medusajs/ui"
import { QueryKey, useMutation, useQueryClient } from "@tanstack/react-query"
import { useErrorText } from "./api"

/**
 * A change the admin makes, as Medusa's dashboard makes them: on success it
 * invalidates every query it touches (so balances, lists and the club card
 * refresh) and says so in a toast; on failure it toasts the error in the
 * admin's language unless the form shows it at a field (`onError` returning
 * true).
 */
export function useLoyaltyMutation<TVariables, TData = unknown>({
  mutationFn,
  invalidate,
  success,
  onSuccess,
  onError,
}: {
  mutationFn: (variables: TVariables) => Promise<TData>
  invalidate: (variables: TVariables, data: TData) => QueryKey[]
  /** The toast after success, already translated; none when omitted. */
  success?: string | ((data: TData, variables: TVariables) => string)
  onSuccess?: (data: TData, variables: TVariables) => void
  /** Return true when the error was shown at a field. */
  onError?: (error: unknown, variables: TVariables) => boolean | void
}) {
  const queryClient = useQueryClient()
  const errorText = useErrorText()
  return useMutation({
    mutationFn,
    onSuccess: async (data, variables) => {
      await Promise.all(
        invalidate(variables, data).map((queryKey) =>
          queryClient.invalidateQueries({ queryKey })
        )
      )
      if (success) {
        toast.success(typeof success === "function" ? success(data, variables) : success)
      }
      onSuccess?.(data, variables)
    },
    onError: (error, variables) => {
      if (!onError?.(error, variables)) {
        toast.error(errorText(error))
      }
    },
  })
}

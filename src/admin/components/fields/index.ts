// The one set of field components every plugin form uses (react-hook-form
// Controllers): label, control, hint and the error at the field, in words.
export { DateField } from "./date-field"
export { Field } from "./field"
export { AmountInWords, MoneyField, MoneyInput } from "./money-field"
export { NumberField, PercentField } from "./number-field"
export { PhoneField } from "./phone-field"
export { MultiSelect, PickerField } from "./resource-picker"
export type { PickerOption, ResourceKind } from "./resource-picker"
export { SelectField } from "./select-field"
export type { SelectOption } from "./select-field"
export { SwitchField } from "./switch-field"
export { TextField } from "./text-field"
export type { FieldProps } from "./types"

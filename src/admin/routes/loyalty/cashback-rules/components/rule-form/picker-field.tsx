import { FormField } from "../../../../../components/form-field"
import { IdMultiSelect, Option } from "../id-multi-select"

/** A FormField holding a searchable multi-select of the store's records. */
export const PickerField = ({
  id,
  label,
  hint,
  options,
  value,
  onChange,
  placeholder,
  invalid,
}: {
  id: string
  label: string
  hint: string
  options: Option[]
  value: string[]
  onChange: (ids: string[]) => void
  placeholder: string
  invalid?: boolean
}) => (
  <FormField id={id} label={label} hint={hint}>
    <IdMultiSelect
      id={id}
      options={options}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      invalid={invalid}
    />
  </FormField>
)

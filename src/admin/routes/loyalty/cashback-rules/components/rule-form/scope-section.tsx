import { FormField } from "../../../../../components/form-field"
import { FormSection } from "../../../../../components/form-section"
import { CommaIdsInput } from "./comma-ids-input"
import { IdListField, SectionProps } from "./form-state"
import { Options } from "./options"
import { PickerField } from "./picker-field"

/**
 * What earns: products and categories picked from the store, collections,
 * types and tags typed as ids, each with its exclude list.
 */
export const ScopeSection = ({
  state,
  invalid,
  options,
  setScope,
  badField,
  error,
}: Omit<SectionProps, "set"> & {
  options: Options
  setScope: (field: IdListField, ids: string[]) => void
  /** The field the API's message is about. */
  badField: string | null
  error: string | null
}) => (
  <FormSection
    title="What earns"
    description="Empty lists mean every item. An item in an exclude list never earns from this rule."
  >
    <div className="grid grid-cols-2 gap-4">
      <PickerField
        id="rule-products"
        label="Products"
        hint="Only these products earn."
        options={options.products}
        value={state.scope.product_ids}
        onChange={(ids) => setScope("product_ids", ids)}
        placeholder="All products"
        invalid={invalid("scope.")}
      />
      <PickerField
        id="rule-exclude-products"
        label="Except products"
        hint="These products never earn."
        options={options.products}
        value={state.scope.exclude_product_ids}
        onChange={(ids) => setScope("exclude_product_ids", ids)}
        placeholder="None"
        invalid={invalid("scope.")}
      />
      <PickerField
        id="rule-categories"
        label="Categories"
        hint="Only products in these categories earn."
        options={options.categories}
        value={state.scope.category_ids}
        onChange={(ids) => setScope("category_ids", ids)}
        placeholder="All categories"
        invalid={invalid("scope.")}
      />
      <PickerField
        id="rule-exclude-categories"
        label="Except categories"
        hint="Products in these categories never earn."
        options={options.categories}
        value={state.scope.exclude_category_ids}
        onChange={(ids) => setScope("exclude_category_ids", ids)}
        placeholder="None"
        invalid={invalid("scope.")}
      />
      {(
        [
          ["collection_ids", "Collection ids", "pcol_…"],
          ["exclude_collection_ids", "Except collection ids", "pcol_…"],
          ["type_ids", "Product type ids", "ptyp_…"],
          ["exclude_type_ids", "Except product type ids", "ptyp_…"],
          ["tag_ids", "Tag ids", "ptag_…"],
          ["exclude_tag_ids", "Except tag ids", "ptag_…"],
        ] as [IdListField, string, string][]
      ).map(([field, label, placeholder]) => (
        <FormField
          key={field}
          id={`rule-${field}`}
          label={label}
          hint="Comma-separated ids."
        >
          <CommaIdsInput
            id={`rule-${field}`}
            value={state.scope[field]}
            onChange={(ids) => setScope(field, ids)}
            placeholder={placeholder}
            invalid={
              badField === "scope." && !!error?.includes(`scope.${field}`)
            }
          />
        </FormField>
      ))}
    </div>
  </FormSection>
)

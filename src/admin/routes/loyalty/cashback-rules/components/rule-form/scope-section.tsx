import { NumberField, PickerField, PickerOption } from "../../../../../components/fields"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { useSegmentChoices } from "../../../../../lib/segments"
import { ScopeKind } from "../rule-format"
import { ScopeField } from "./form-state"
import { Pair, Section, SectionProps } from "./section"

/** What earns: products, categories, collections, types and tags picked from the store, each with its exclusions. */
export const ScopeSection = ({ control }: SectionProps) => {
  const { t } = useLoyaltyTranslation()
  const lists: {
    kind: ScopeKind
    include: ScopeField
    exclude: ScopeField
    id: string
    label: string
    all: string
    except: string
  }[] = [
    {
      kind: "product",
      include: "product_ids",
      exclude: "exclude_product_ids",
      id: "products",
      label: t("rules.form.scope.products"),
      all: t("rules.form.scope.allProducts"),
      except: t("rules.form.scope.exceptProducts"),
    },
    {
      kind: "category",
      include: "category_ids",
      exclude: "exclude_category_ids",
      id: "categories",
      label: t("rules.form.scope.categories"),
      all: t("rules.form.scope.allCategories"),
      except: t("rules.form.scope.exceptCategories"),
    },
    {
      kind: "collection",
      include: "collection_ids",
      exclude: "exclude_collection_ids",
      id: "collections",
      label: t("rules.form.scope.collections"),
      all: t("rules.form.scope.allCollections"),
      except: t("rules.form.scope.exceptCollections"),
    },
    {
      kind: "type",
      include: "type_ids",
      exclude: "exclude_type_ids",
      id: "types",
      label: t("rules.form.scope.types"),
      all: t("rules.form.scope.allTypes"),
      except: t("rules.form.scope.exceptTypes"),
    },
    {
      kind: "tag",
      include: "tag_ids",
      exclude: "exclude_tag_ids",
      id: "tags",
      label: t("rules.form.scope.tags"),
      all: t("rules.form.scope.allTags"),
      except: t("rules.form.scope.exceptTags"),
    },
  ]
  return (
    <Section
      title={t("rules.form.scope.title")}
      description={t("rules.form.scope.description")}
      testId="rule-scope"
    >
      <Pair>
        {lists.flatMap((list) => [
          <PickerField
            key={list.include}
            control={control}
            name={`scope.${list.include}`}
            id={`rule-${list.id}`}
            kind={list.kind}
            label={list.label}
            placeholder={list.all}
          />,
          <PickerField
            key={list.exclude}
            control={control}
            name={`scope.${list.exclude}`}
            id={`rule-exclude-${list.id}`}
            kind={list.kind}
            label={list.except}
            placeholder={t("rules.form.scope.none")}
          />,
        ])}
      </Pair>
    </Section>
  )
}

/** Who earns: customer groups, sales channels, tiers, earlier orders. */
export const WhoSection = ({
  control,
  channels,
  tiers,
}: SectionProps & { channels: PickerOption[]; tiers: PickerOption[] }) => {
  const { t } = useLoyaltyTranslation()
  const { data: segments } = useSegmentChoices()
  return (
    <Section
      title={t("rules.form.who.title")}
      description={t("rules.form.who.description")}
      testId="rule-who"
    >
      <Pair>
        <PickerField
          control={control}
          name="customer_group_ids"
          id="rule-groups"
          kind="customer_group"
          label={t("rules.form.who.groups")}
          hint={t("rules.form.who.groupsHint")}
          placeholder={t("rules.form.who.everyCustomer")}
        />
        <PickerField
          control={control}
          name="sales_channel_ids"
          id="rule-channels"
          options={channels}
          label={t("rules.form.who.channels")}
          hint={t("rules.form.who.channelsHint")}
          placeholder={t("rules.form.who.everyChannel")}
        />
        <PickerField
          control={control}
          name="tier_ids"
          id="rule-tiers"
          options={tiers}
          label={t("rules.form.who.tiers")}
          hint={t("rules.form.who.tiersHint")}
          placeholder={t("rules.form.who.everyTier")}
        />
        <PickerField
          control={control}
          name="segment_ids"
          id="rule-segments"
          options={(segments ?? []).map((s) => ({ value: s.id, label: s.name }))}
          label={t("rules.form.who.segments")}
          hint={t("rules.form.who.segmentsHint")}
          placeholder={t("rules.form.who.everySegment")}
        />
        <NumberField
          control={control}
          name="min_previous_orders"
          id="rule-min-orders"
          label={t("rules.form.who.minOrders")}
          hint={t("rules.form.who.minOrdersHint")}
          placeholder="0"
          optional
        />
      </Pair>
    </Section>
  )
}

/**
 * One scenario made concrete: what the page renders (its input), the field the
 * runner types into, and what the last line item must show.
 */
import type { BenchForm } from './choose-forms';
import { formDataWithLineItems, rowText } from './form-data';
import { targetField } from './line-item-schema';
import type { PageInput, RowAddress } from './protocol';
import type { FormRole, Scenario } from './scenarios';

export interface BenchCase {
  scenario: Scenario;
  input: PageInput;
  /** e.g. "ShipHero create_order"; empty for the lone input. */
  formLabel: string;
  /** The last line item's field: it must show this value, and no row may come after it. */
  lastRow?: { address: RowAddress; value: string };
}

/** The ids rjsf gives line-item fields under the `root` prefix: `root_line_items_<index>_<field>`. */
const LINE_ITEM_ID_PREFIX = 'root_line_items_';

export function createBenchCase(scenario: Scenario, forms: Record<FormRole, BenchForm> | undefined, specUrl: string | null): BenchCase {
  if (scenario.form === null) return { scenario, formLabel: '', input: { kind: scenario.kind, target: { id: 'root_target', initialValue: '' } } };
  if (!forms) throw new Error(`${scenario.id} needs a form, and none was chosen.`);
  const form = forms[scenario.form];
  const field = targetField(form.itemSchema);
  const address = (index: number): RowAddress => ({ prefix: LINE_ITEM_ID_PREFIX, index, suffix: `_${field}` });
  const middle = Math.floor(scenario.items / 2);
  const last = scenario.items - 1;
  return {
    scenario,
    formLabel: `${form.integration.displayName} ${form.action}`,
    input: {
      kind: scenario.kind,
      form: {
        integrationType: form.integration.integrationType,
        integrationName: form.integration.integrationName,
        action: form.action,
        schema: form.schema,
        formData: formDataWithLineItems(form.schema, form.itemSchema, scenario.items),
        specUrl,
      },
      target: { id: `${LINE_ITEM_ID_PREFIX}${middle}_${field}`, row: address(middle), initialValue: rowText(field, middle) },
    },
    lastRow: { address: address(last), value: rowText(field, last) },
  };
}

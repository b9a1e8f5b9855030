/**
 * Which (integration, action) each form role stands for, and the schema the library
 * renders for it, loaded the way `useWriteSchema` loads it: through the proxy and the
 * sandbox, `/integrations` and the body schema, `write_operations` merged in.
 *
 * With the real spec the issue names them: ShipHero `create_order` (main) and Extensiv
 * `create_order`, whose line items carry nested custom fields (nested). With another
 * spec (the fixture) the main form is the first WMS integration's `create_order` and
 * the nested one the first action, `create_order` first, whose line items are not flat.
 */
import {
  type FormSchema,
  applyWriteOperation,
  createTrackstarClient,
  loadWriteSchema,
  resolveWriteOperation,
} from '../src/core';
import { type InPageTrackstar, type SandboxIntegration, createInPageTrackstar } from '../src/sandbox';
import { isFlat, lineItemSchema } from './line-item-schema';
import type { FormRole } from './scenarios';

export interface BenchForm {
  integration: SandboxIntegration;
  action: string;
  schema: FormSchema;
  /** The schema of one line item (`properties.line_items.items`). */
  itemSchema: FormSchema;
}

export interface ChosenForms {
  forms: Record<FormRole, BenchForm>;
  /** Anything a reader of the results should know about the choice. */
  notes: string[];
}

const NAMED: Record<FormRole, { integrationName: string; action: string }> = {
  main: { integrationName: 'shiphero', action: 'create_order' },
  nested: { integrationName: 'extensiv-3pl-central', action: 'create_order' },
};

async function loadForm(trackstar: InPageTrackstar, integration: SandboxIntegration, action: string): Promise<BenchForm | undefined> {
  const { integrationType, integrationName } = integration;
  trackstar.useConnection({ integrationType, integrationName });
  const client = createTrackstarClient({ baseUrl: trackstar.baseUrl, fetch: trackstar.fetch });
  const [info, loaded] = await Promise.all([
    client.getIntegration(integrationType, integrationName),
    loadWriteSchema(client, { action, integrationType, integrationName, scope: 'connection' }),
  ]);
  const resolution = resolveWriteOperation(action, integrationType, info);
  if (!resolution.supported) throw new Error(`${integrationName} ${action}: ${resolution.reason}`);
  const writeOperation = resolution.operation.writeOperation;
  const schema = writeOperation ? applyWriteOperation(loaded.schema, writeOperation, loaded.method) : loaded.schema;
  const itemSchema = lineItemSchema(schema);
  return itemSchema ? { integration, action, schema, itemSchema } : undefined;
}

export async function chooseForms(spec: unknown): Promise<ChosenForms> {
  const trackstar = createInPageTrackstar({ sandbox: spec === undefined ? {} : { spec } });
  const integrations = trackstar.sandbox.integrations;
  const notes: string[] = [];
  const byName = (integrationName: string, action: string) =>
    integrations.find((integration) => integration.integrationName === integrationName && integration.actions.some((entry) => entry.action === action));

  async function named(role: FormRole): Promise<BenchForm | undefined> {
    const { integrationName, action } = NAMED[role];
    const integration = byName(integrationName, action);
    return integration ? loadForm(trackstar, integration, action) : undefined;
  }

  /** Every (integration, action) with line items, `create_order` first, in catalogue order. */
  async function* candidates(): AsyncGenerator<BenchForm> {
    const pairs = integrations.flatMap((integration) => integration.actions.map((entry) => ({ integration, action: entry.action as string })));
    pairs.sort((a, b) => Number(b.action === 'create_order') - Number(a.action === 'create_order'));
    for (const { integration, action } of pairs) {
      const form = await loadForm(trackstar, integration, action);
      if (form) yield form;
    }
  }

  let main = await named('main');
  if (!main) {
    for await (const form of candidates()) {
      if (form.action === 'create_order' && form.integration.integrationType === 'wms' && isFlat(form.itemSchema)) {
        main = form;
        break;
      }
    }
  }
  if (!main) throw new Error('The spec has no WMS create_order with flat line items for the main scenarios.');

  let nested = await named('nested');
  if (!nested) {
    for await (const form of candidates()) {
      if (!isFlat(form.itemSchema)) {
        nested = form;
        break;
      }
    }
    if (nested && nested.action !== 'create_order') {
      notes.push(`No create_order in this spec has non-flat line items; the nested scenario uses ${nested.integration.displayName} ${nested.action}.`);
    }
  }
  if (!nested) {
    notes.push(`No action in this spec has non-flat line items; the nested scenario uses the main form (${main.integration.displayName} ${main.action}).`);
    nested = main;
  }
  return { forms: { main, nested }, notes };
}

/**
 * The catalogue of Trackstar write actions.
 *
 * This table is the compiled-in fallback. At run time the integration's own
 * `write_operations[].action` / `.url` (from `GET /integrations/{type}/{name}`)
 * win over it, so a path Trackstar moves does not need a release of this library.
 */

export type IntegrationType = 'wms' | 'cart';
export type WriteMethod = 'POST' | 'PUT';

export interface WriteActionDefinition {
  /** Action name as Trackstar publishes it in `write_operations[].action`. */
  readonly action: string;
  readonly integrationType: IntegrationType;
  readonly method: WriteMethod;
  /** Path template with `{param}` placeholders, e.g. `/wms/orders/{order_id}`. */
  readonly path: string;
  /** Resource served by `/{type}/{resource}/meta`, or `null` when only write-info describes the body. */
  readonly metaResource: string | null;
  /** Name of the schema family in Trackstar's OpenAPI spec (`<schemaKind>--<Integration>--`). */
  readonly schemaKind: string;
  /** What the action writes, for messages ("ShipHero rejected this order"). */
  readonly noun: string;
  /** Human label for the action ("Create order"). */
  readonly label: string;
}

function define<const T extends WriteActionDefinition>(definition: T): T {
  return Object.freeze(definition);
}

export const WRITE_ACTIONS = Object.freeze({
  create_order: define({
    action: 'create_order',
    integrationType: 'wms',
    method: 'POST',
    path: '/wms/orders',
    metaResource: 'orders',
    schemaKind: 'CreatewmsOrder',
    noun: 'order',
    label: 'Create order',
  }),
  update_order: define({
    action: 'update_order',
    integrationType: 'wms',
    method: 'PUT',
    path: '/wms/orders/{order_id}',
    metaResource: 'orders',
    schemaKind: 'UpdatewmsOrder',
    noun: 'order update',
    label: 'Update order',
  }),
  create_order_shipment: define({
    action: 'create_order_shipment',
    integrationType: 'wms',
    method: 'POST',
    path: '/wms/orders/{order_id}/shipments',
    metaResource: null,
    schemaKind: 'CreateShipmentwmsOrder',
    noun: 'shipment',
    label: 'Ship order',
  }),
  create_return: define({
    action: 'create_return',
    integrationType: 'wms',
    method: 'POST',
    path: '/wms/returns',
    metaResource: 'returns',
    schemaKind: 'CreatewmsReturn',
    noun: 'return',
    label: 'Create return',
  }),
  update_return: define({
    action: 'update_return',
    integrationType: 'wms',
    method: 'PUT',
    path: '/wms/returns/{return_id}',
    metaResource: 'returns',
    schemaKind: 'UpdatewmsReturn',
    noun: 'return update',
    label: 'Update return',
  }),
  create_inbound_shipment: define({
    action: 'create_inbound_shipment',
    integrationType: 'wms',
    method: 'POST',
    path: '/wms/inbound-shipments',
    metaResource: 'inbound-shipments',
    schemaKind: 'CreatewmsInboundShipment',
    noun: 'inbound shipment',
    label: 'Create inbound shipment',
  }),
  update_inbound_shipment: define({
    action: 'update_inbound_shipment',
    integrationType: 'wms',
    method: 'PUT',
    path: '/wms/inbound-shipments/{inbound_shipment_id}',
    metaResource: 'inbound-shipments',
    schemaKind: 'UpdatewmsInboundShipment',
    noun: 'inbound shipment update',
    label: 'Update inbound shipment',
  }),
  receive_inbound_shipment: define({
    action: 'receive_inbound_shipment',
    integrationType: 'wms',
    method: 'PUT',
    path: '/wms/inbound-shipments/{inbound_shipment_id}/receive',
    metaResource: null,
    schemaKind: 'CreateReceiptwmsInboundShipment',
    noun: 'receipt',
    label: 'Receive inbound shipment',
  }),
  create_kit: define({
    action: 'create_kit',
    integrationType: 'wms',
    method: 'POST',
    path: '/wms/kits',
    metaResource: 'kits',
    schemaKind: 'CreatewmsKit',
    noun: 'kit',
    label: 'Create kit',
  }),
  update_kit: define({
    action: 'update_kit',
    integrationType: 'wms',
    method: 'PUT',
    path: '/wms/kits/{kit_id}',
    metaResource: 'kits',
    schemaKind: 'UpdatewmsKit',
    noun: 'kit update',
    label: 'Update kit',
  }),
  create_product: define({
    action: 'create_product',
    integrationType: 'wms',
    method: 'POST',
    path: '/wms/products',
    metaResource: 'products',
    schemaKind: 'CreatewmsProduct',
    noun: 'product',
    label: 'Create product',
  }),
  update_product: define({
    action: 'update_product',
    integrationType: 'wms',
    method: 'PUT',
    path: '/wms/products/{product_id}',
    metaResource: 'products',
    schemaKind: 'UpdatewmsProduct',
    noun: 'product update',
    label: 'Update product',
  }),
  adjust_inventory: define({
    action: 'adjust_inventory',
    integrationType: 'wms',
    method: 'PUT',
    path: '/wms/inventory/{inventory_id}/adjust',
    metaResource: null,
    schemaKind: 'AdjustInventorywmsInventoryItem',
    noun: 'inventory adjustment',
    label: 'Adjust inventory',
  }),
  create_cart_order_shipment: define({
    action: 'create_cart_order_shipment',
    integrationType: 'cart',
    method: 'POST',
    path: '/cart/orders/{order_id}/shipments',
    metaResource: null,
    schemaKind: 'CreateShipmentcartOrder',
    noun: 'shipment',
    label: 'Ship cart order',
  }),
  adjust_cart_inventory: define({
    action: 'adjust_cart_inventory',
    integrationType: 'cart',
    method: 'PUT',
    path: '/cart/products/{product_id}/adjust-inventory',
    metaResource: null,
    schemaKind: 'AdjustInventorycartProduct',
    noun: 'inventory adjustment',
    label: 'Adjust cart inventory',
  }),
});

export type KnownWriteAction = keyof typeof WRITE_ACTIONS;
/** Any action name; unknown names are accepted so long as the integration's `write_operations` describe them. */
export type WriteAction = KnownWriteAction | (string & {});

export function isKnownWriteAction(action: string): action is KnownWriteAction {
  return Object.prototype.hasOwnProperty.call(WRITE_ACTIONS, action);
}

export function getWriteActionDefinition(action: string): WriteActionDefinition | undefined {
  return isKnownWriteAction(action) ? WRITE_ACTIONS[action] : undefined;
}

/** The integration type an action belongs to, derived from the catalogue (`wms` when unknown). */
export function integrationTypeOf(action: string): IntegrationType {
  return getWriteActionDefinition(action)?.integrationType ?? 'wms';
}

/** Parses `write_operations[].url`, e.g. `"POST /wms/orders"`. */
export function parseOperationUrl(url: string): { method: WriteMethod; path: string } | undefined {
  const match = /^\s*(POST|PUT)\s+(\/\S*)\s*$/i.exec(url);
  if (!match) return undefined;
  return { method: match[1]!.toUpperCase() as WriteMethod, path: match[2]! };
}

/** The `{name}` placeholders of a path template, in order. */
export function pathParamNames(pathTemplate: string): string[] {
  return Array.from(pathTemplate.matchAll(/\{([^}]+)\}/g), (match) => match[1]!);
}

export class MissingPathParamError extends Error {
  readonly missing: string[];
  constructor(missing: string[], pathTemplate: string) {
    super(
      `Missing ${missing.length === 1 ? 'path parameter' : 'path parameters'} ${missing
        .map((name) => `"${name}"`)
        .join(', ')} for ${pathTemplate}. Pass it in pathParams.`,
    );
    this.name = 'MissingPathParamError';
    this.missing = missing;
  }
}

/**
 * Fills a path template. Values are URI-encoded so an id can never change which
 * endpoint is called; a missing or blank value throws before any request is made.
 */
export function fillPathTemplate(pathTemplate: string, params: Readonly<Record<string, string | number>> = {}): string {
  const missing = pathParamNames(pathTemplate).filter((name) => {
    const value = params[name];
    return value === undefined || String(value).trim() === '';
  });
  if (missing.length > 0) throw new MissingPathParamError(missing, pathTemplate);
  return pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name]).trim()));
}

/**
 * The path of the record an update writes to, which is also where it is read from
 * (`update_order` → `/wms/orders/{order_id}`), so an update form can start from the
 * record's current values. `undefined` for everything that is not an update of a
 * record (creates, shipments, receipts, adjustments).
 */
export function recordPathTemplate(action: string): string | undefined {
  const definition = getWriteActionDefinition(action);
  if (!definition || definition.method !== 'PUT' || !definition.action.startsWith('update_')) return undefined;
  return /\/\{[^}]+\}$/.test(definition.path) ? definition.path : undefined;
}

/** Values the state stories start from: what an operator would have typed into the fixture's forms. */

export const BLUEFIN = { integrationType: 'wms', integrationName: 'bluefin' } as const;

export const SHIP_TO_ADDRESS = {
  full_name: 'Dana Whitfield',
  address1: '18 Harbor Lane',
  city: 'Portland',
  state: 'ME',
  postal_code: '04101',
  country: 'US',
};

/** A Bluefin WMS order that passes validation. */
export const BLUEFIN_ORDER = {
  order_number: 'SB-1001',
  ship_to_address: SHIP_TO_ADDRESS,
  line_items: [{ sku: 'TEE-BLK-M', quantity: 2 }],
};

/** `count` distinct line items, as an order imported from a spreadsheet would have. */
export function manyLineItems(count: number): Array<{ sku: string; quantity: number; unit_price: number }> {
  return Array.from({ length: count }, (_, index) => ({
    sku: `SKU-${String(index + 1).padStart(4, '0')}`,
    quantity: (index % 5) + 1,
    unit_price: 4.5 + (index % 7),
  }));
}

/** A Shopwave shipment covering two shipping groups, each with its own lines. */
export const SHOPWAVE_SHIPMENT = {
  tracking_number: '9400111899223197428490',
  carrier_name: 'USPS',
  shipping_groups: [
    { shipping_group_id: 'sg_12', line_items: [{ line_item_id: 'gli_301', quantity: 1 }, { line_item_id: 'gli_302', quantity: 2 }] },
    { shipping_group_id: 'sg_13', line_items: [{ line_item_id: 'gli_310', quantity: 1 }] },
  ],
};

/** Cratewise's schemas have account-dependent fields (warehouse, client) with placeholder options. */
export const CRATEWISE = { integrationType: 'wms', integrationName: 'cratewise' } as const;

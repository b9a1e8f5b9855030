/** The demo's two customers: the host app's own accounts, each with its own connections. */
export interface DemoCustomer {
  readonly id: string;
  readonly name: string;
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { id: 'cus_northwind', name: 'Northwind Outfitters' },
  { id: 'cus_globex', name: 'Globex Supply' },
];

/** The cookie that stands for the host's session: which customer is signed in. */
export const SESSION_COOKIE = 'demo_customer';

/** The customer a `Cookie` header names, if it is one of the demo's. */
export function customerFromCookie(cookieHeader: string | null | undefined): string | undefined {
  const match = /(?:^|;\s*)demo_customer=([^;]+)/.exec(cookieHeader ?? '');
  const id = match ? decodeURIComponent(match[1]!) : undefined;
  return DEMO_CUSTOMERS.some((customer) => customer.id === id) ? id : undefined;
}

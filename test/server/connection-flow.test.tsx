/**
 * The whole connection flow as a host app runs it, in jsdom: the page's "Connect"
 * button (the sandbox stand-in for Trackstar Link) → the host's /get-link-token →
 * the modal → the host's /store-token (exchange, stored) → a form for that
 * connection, whose dropdowns show the connection's own options → a write that
 * reaches Trackstar with that connection's token.
 *
 * The store is the in-memory one: PGlite takes several seconds to start under jsdom,
 * and the same flow on PGlite and PostgreSQL is test/server/connections.test.ts.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { TrackstarProvider } from '../../src/react/trackstar-provider';
import { TrackstarWriteForm } from '../../src/react/components/trackstar-write-form';
import { toFormSchema } from '../../src/core/schema/to-form-schema';
import type { MetaSchemaDocument } from '../../src/core/types';
import { sampleBody } from '../../src/sandbox';
import { SandboxConnectButton } from '../../src/sandbox/react';
import { createMemoryConnectionStore } from '../../src/server';
import { SANDBOX_ORIGIN, SESSION_HEADER, createTestHost, jsonBody } from './host';

const stores = { connections: createMemoryConnectionStore() };

describe('connecting a WMS and writing through the connection', () => {
  it('connects through the stand-in, then a form for that connection shows its options and writes with its token', async () => {
    const user = userEvent.setup();
    const host = createTestHost(stores.connections);
    const customer = 'cus_flow';
    const stored: Array<{ connection_id: string; integration_name: string }> = [];
    const closed: string[] = [];

    render(
      <SandboxConnectButton
        sandboxUrl={SANDBOX_ORIGIN}
        fetch={(input, init) => host.sandbox.fetch(new Request(input, init))}
        getLinkToken={async () => {
          const response = await host.call(host.connections.linkToken, '/get-link-token', { method: 'POST', customer });
          return ((await response.json()) as { linkToken: string }).linkToken;
        }}
        onSuccess={async (authCode, integrationName) => {
          const response = await host.call(host.connections.storeToken, '/store-token', { ...jsonBody({ auth_code: authCode, integration_name: integrationName }), customer });
          stored.push(((await response.json()) as { connection: (typeof stored)[number] }).connection);
        }}
        onClose={() => closed.push('closed')}
        integrationBlockList={['bluefin']}
      >
        Connect your WMS
      </SandboxConnectButton>,
    );

    await user.click(screen.getByRole('button', { name: 'Connect your WMS' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect your WMS' });
    expect(within(dialog).queryByRole('button', { name: 'Bluefin WMS' })).toBeNull();
    await user.type(within(dialog).getByLabelText('Search integrations'), 'crate');
    await user.click(within(dialog).getByRole('button', { name: 'Cratewise' }));

    const credentials = await screen.findByRole('dialog', { name: 'Connect Cratewise' });
    await user.type(within(credentials).getByLabelText('Cratewise API key'), 'invalid-key');
    await user.click(within(credentials).getByRole('button', { name: 'Connect' }));
    expect(await within(credentials).findByRole('alert')).toHaveTextContent('Cratewise rejected these credentials.');
    await user.clear(within(credentials).getByLabelText('Cratewise API key'));
    await user.type(within(credentials).getByLabelText('Cratewise API key'), 'sandbox-key');
    await user.click(within(credentials).getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(stored).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Connect your WMS' })).toHaveFocus();
    expect(closed).toEqual([]);
    const [connection] = stored;
    expect(connection).toMatchObject({ integration_name: 'cratewise' });
    const linked = host.sandbox.linkedConnections.find((candidate) => candidate.connectionId === connection!.connection_id)!;
    expect(await stores.connections.accessToken(customer, connection!.connection_id)).toBe(linked.accessToken);

    // The page names the connection; the host's session (here a header) says who is asking.
    const pageFetch = (input: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      headers.set(SESSION_HEADER, customer);
      return host.proxy(new Request(new URL(input, 'http://app.test'), { ...init, headers }));
    };
    render(
      <TrackstarProvider baseUrl="/api/trackstar" fetch={pageFetch} headers={{ 'x-trackstar-connection-id': connection!.connection_id }} draftStorage={null}>
        <TrackstarWriteForm action="create_order" integrationName="cratewise" schemaScope="connection" />
      </TrackstarProvider>,
    );
    const warehouse = (await screen.findByLabelText(/^Warehouse ID/, {}, { timeout: 10_000 })) as HTMLSelectElement;
    expect(warehouse).toBeEnabled();
    expect([...warehouse.options].map((option) => option.text).filter(Boolean)).toEqual(['wh_east', 'wh_west']);

    // A write through the proxy, with a body built from the same connection-level schema, carries this connection's token.
    const named = { 'x-trackstar-connection-id': connection!.connection_id };
    const meta = await pageFetch('/api/trackstar/wms/orders/meta?method=POST', { headers: named });
    const body = { ...sampleBody(toFormSchema((await meta.json()) as MetaSchemaDocument, { method: 'POST' })), warehouse_id: 'wh_west' };
    const write = await pageFetch('/api/trackstar/wms/orders', { method: 'POST', headers: { ...named, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(await write.json()).toMatchObject({ data: { warehouse_id: 'wh_west' } });
    expect(write.status).toBe(200);
    expect(host.sandbox.receivedWrites.at(-1)).toMatchObject({ connectionId: connection!.connection_id, integrationName: 'cratewise', status: 200 });
  });

  it('closes on Escape and says so through onClose', async () => {
    const user = userEvent.setup();
    const host = createTestHost(stores.connections);
    const closed: string[] = [];
    render(
      <SandboxConnectButton
        sandboxUrl={SANDBOX_ORIGIN}
        fetch={(input, init) => host.sandbox.fetch(new Request(input, init))}
        getLinkToken={async () => ((await (await host.call(host.connections.linkToken, '/get-link-token', { method: 'POST' })).json()) as { linkToken: string }).linkToken}
        onSuccess={() => undefined}
        onClose={() => closed.push('closed')}
        integrationAllowList={['bluefin']}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    // One allowed integration: the list is skipped.
    const dialog = await screen.findByRole('dialog', { name: 'Connect Bluefin WMS' });
    expect(within(dialog).getByLabelText('Bluefin WMS API key')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(closed).toEqual(['closed']);
  });

  it('shows why Link could not start when the host refuses a link token', async () => {
    const user = userEvent.setup();
    render(
      <SandboxConnectButton sandboxUrl={SANDBOX_ORIGIN} getLinkToken={() => Promise.reject(new Error('Sign in first.'))} onSuccess={() => undefined}>
        Connect your WMS
      </SandboxConnectButton>,
    );
    await user.click(screen.getByRole('button', { name: 'Connect your WMS' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not start Trackstar Link: Sign in first.');
  });
});

/**
 * The page test/e2e/styles.test.ts loads: one write form on the in-page sandbox, chosen
 * by the query string. The stylesheet is not imported here: the test injects the file
 * as shipped, and removes it again, to compare a page with and without it.
 *
 *   theme=core|mui         rjsf's core templates, or @rjsf/mui's theme (with MUI's light or dark palette)
 *   scheme=light|dark      data-tswf-theme on the form's container (none: the browser's preference)
 *   integration, type, action   the form (default: Bluefin WMS create_order)
 *   items=N                line items given as default values (create_order); every third lacks its SKU
 *   host=PX                width of the form's container (default: the viewport's)
 */
import { Theme as MuiTheme } from '@rjsf/mui';
import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { TrackstarProvider, TrackstarWriteForm } from '../../../src';
import { SANDBOX_SEED_PATH_PARAMS, createInPageTrackstar } from '../../../src/sandbox';

const params = new URLSearchParams(location.search);
const integrationName = params.get('integration') ?? 'bluefin';
const integrationType = params.get('type') === 'cart' ? 'cart' : 'wms';
const action = params.get('action') ?? 'create_order';
const theme = params.get('theme') === 'mui' ? 'mui' : 'core';
const scheme = params.get('scheme');
const items = Number(params.get('items') ?? 3);
const host = params.get('host');

const trackstar = createInPageTrackstar({ connection: { integrationType, integrationName } });

function defaultValues(): Record<string, unknown> | undefined {
  if (action === 'create_order') {
    return {
      line_items: Array.from({ length: items }, (_, index) =>
        index % 3 === 1 ? { quantity: 1 } : { sku: `SKU-${index + 1}`, quantity: index + 1, unit_price: 2.5 },
      ),
    };
  }
  if (action === 'create_cart_order_shipment') {
    return { shipping_groups: [{ shipping_group_id: 'SG-1', line_items: [{ line_item_id: 'LI-1', quantity: 1 }, { line_item_id: 'LI-2' }] }] };
  }
  return undefined;
}

function withTheme(form: ReactNode): ReactNode {
  if (theme !== 'mui') return form;
  return (
    <ThemeProvider theme={createTheme({ palette: { mode: scheme === 'dark' ? 'dark' : 'light' } })}>
      <CssBaseline />
      {form}
    </ThemeProvider>
  );
}

const themeProps = theme === 'mui' ? { templates: MuiTheme.templates, widgets: MuiTheme.widgets } : {};

createRoot(document.getElementById('root')!).render(
  withTheme(
    <div className="host" data-tswf-theme={scheme ?? undefined} style={host ? { width: `${host}px` } : undefined}>
      <TrackstarProvider baseUrl={trackstar.baseUrl} fetch={trackstar.fetch} draftStorage={null}>
        <TrackstarWriteForm
          action={action}
          integrationName={integrationName}
          integrationType={integrationType}
          pathParams={SANDBOX_SEED_PATH_PARAMS}
          defaultValues={defaultValues()}
          autosaveDraft={false}
          {...themeProps}
        />
      </TrackstarProvider>
    </div>,
  ),
);

/**
 * The page strict-csp.test.ts serves with `Content-Security-Policy: script-src 'self'`:
 * a create-order form over the in-page sandbox (proxy and sandbox in the page), with
 * the order number left for the operator to type. Nothing here picks a validator.
 */
import { createRoot } from 'react-dom/client';
import { TrackstarProvider, TrackstarWriteForm, type TrackstarWriteSuccess, toFormSchema } from '../../../src';
import { type ReceivedWrite, createInPageTrackstar, sampleBody } from '../../../src/sandbox';

declare global {
  interface Window {
    __strictCsp?: {
      /** Whether this page's own script may evaluate a string: the test's proof that the policy is in force. */
      codeGeneration: 'allowed' | 'blocked';
      receivedWrites: () => readonly ReceivedWrite[];
      success?: TrackstarWriteSuccess;
      startError?: string;
    };
  }
}

const trackstar = createInPageTrackstar({ connection: { integrationType: 'wms', integrationName: 'bluefin' } });
function codeGeneration(): 'allowed' | 'blocked' {
  try {
    new Function('return 1')();
    return 'allowed';
  } catch {
    return 'blocked';
  }
}
const page: NonNullable<Window['__strictCsp']> = { codeGeneration: codeGeneration(), receivedWrites: () => trackstar.sandbox.receivedWrites };
window.__strictCsp = page;

async function start() {
  const meta = await trackstar.fetch(`${trackstar.baseUrl}/wms/orders/meta?method=POST`);
  const defaultValues = sampleBody(toFormSchema(await meta.json()));
  delete defaultValues.order_number;
  createRoot(document.getElementById('root')!).render(
    <TrackstarProvider baseUrl={trackstar.baseUrl} fetch={trackstar.fetch} draftStorage={null}>
      <TrackstarWriteForm
        action="create_order"
        integrationName="bluefin"
        defaultValues={defaultValues}
        onSuccess={(result) => {
          page.success = result;
        }}
      />
    </TrackstarProvider>,
  );
}

start().catch((error: unknown) => {
  page.startError = String(error);
});

/** A browser app bundled by Vite from the installed package (see test/package.test.ts). */
import { createRoot } from 'react-dom/client';
import { TrackstarProvider, TrackstarWriteForm } from 'trackstar-write-form';
import { createInPageTrackstar } from 'trackstar-write-form/sandbox';
import 'trackstar-write-form/styles.css';

const trackstar = createInPageTrackstar({ connection: { integrationType: 'wms', integrationName: 'bluefin' } });
createRoot(document.getElementById('root')!).render(
  <TrackstarProvider baseUrl={trackstar.baseUrl} fetch={trackstar.fetch}>
    <TrackstarWriteForm action="create_order" integrationName="bluefin" />
  </TrackstarProvider>,
);

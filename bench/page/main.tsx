/**
 * The benchmark page. bench/run.ts opens it once per scenario and round
 * (`/?scenario=<id>`), and drives it through `window.__bench` (bench/protocol.ts):
 *   plain      one React-controlled <input>: the floor
 *   rjsf       stock @rjsf/core <Form> with the schema the library renders and the same data
 *   trackstar  <TrackstarWriteForm> with the data as `defaultValues`, loading its schema
 *              through the in-page proxy and sandbox (createInPageTrackstar)
 */
import RjsfForm from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TrackstarProvider, TrackstarWriteForm } from '../../src';
import { createInPageTrackstar } from '../../src/sandbox';
// The default look a host imports; scoped to `.tswf`, so only TrackstarWriteForm wears it.
import '../../src/styles/trackstar-write-form.css';
import type { LoadResult, PageInput } from '../protocol';
import { createKeystrokeRecorder } from './keystroke-recorder';
import { probeRow, rowCount, scrollSettled } from './row-probe';
import { watchLoad } from './watch-load';

function PlainInput({ id }: { id: string }) {
  const [value, setValue] = useState('');
  return <input id={id} aria-label="Text" value={value} onChange={(event) => setValue(event.target.value)} />;
}

/**
 * Everything a scenario needs before the clock starts: the stand-in for the host's
 * backend (proxy and sandbox, with the spec parsed) is built first, and the time the
 * form's requests then spend in it is reported apart.
 */
async function prepare(input: PageInput): Promise<{ element: ReactNode; sandboxMs: () => number }> {
  const { form } = input;
  if (input.kind === 'plain' || !form) return { element: <PlainInput id={input.target.id} />, sandboxMs: () => 0 };
  if (input.kind === 'rjsf') {
    return { element: <RjsfForm schema={form.schema as RJSFSchema} validator={validator} formData={form.formData} />, sandboxMs: () => 0 };
  }
  const spec: unknown = form.specUrl === null ? undefined : await (await fetch(form.specUrl)).json();
  const trackstar = createInPageTrackstar({
    sandbox: spec === undefined ? {} : { spec },
    connection: { integrationType: form.integrationType, integrationName: form.integrationName },
  });
  let inSandbox = 0;
  const timedFetch = async (url: string, init?: RequestInit) => {
    const began = performance.now();
    try {
      return await trackstar.fetch(url, init);
    } finally {
      inSandbox += performance.now() - began;
    }
  };
  const element = (
    <TrackstarProvider baseUrl={trackstar.baseUrl} fetch={timedFetch} queryClient={new QueryClient()} draftStorage={null}>
      <TrackstarWriteForm action={form.action} integrationName={form.integrationName} defaultValues={form.formData} idPrefix="root" />
    </TrackstarProvider>
  );
  return { element, sandboxMs: () => inSandbox };
}

async function main(): Promise<LoadResult> {
  const scenario = new URLSearchParams(location.search).get('scenario');
  const input = (await (await fetch(`/input/${encodeURIComponent(scenario ?? '')}.json`)).json()) as PageInput;
  const { element, sandboxMs } = await prepare(input);
  const container = document.getElementById('root')!;

  const start = performance.now();
  const watching = watchLoad(container, start);
  createRoot(container).render(element);
  const times = await watching;
  return {
    firstFieldMs: times.firstFieldAt - start,
    readyMs: times.readyAt - start,
    longTaskCount: times.longTaskCount,
    longTaskMs: times.longTaskMs,
    sandboxMs: sandboxMs(),
  };
}

const keystrokes = createKeystrokeRecorder();
window.__bench = {
  load: main(),
  probeRow,
  scrollSettled,
  startKeys: () => keystrokes.start(),
  keys: (count, timeoutMs) => keystrokes.take(count, timeoutMs),
  rowCount,
};

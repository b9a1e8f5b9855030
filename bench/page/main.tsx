/**
 * Benchmark page. The runner (bench/run.ts) opens it once per scenario and reads
 * `window.__benchResult`. Scenarios:
 *   plain      one React-controlled <input> (the floor the issue names)
 *   rows       the same line items as independent controlled <input>s in the same block layout
 *              as TrackstarWriteForm's table: what the browser charges for this much DOM
 *   rjsf       stock @rjsf/core <Form> with the same schema and data
 *   trackstar  <TrackstarWriteForm>, loading its schema from an in-page sandbox
 */
import RjsfForm from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TrackstarProvider, TrackstarWriteForm } from '../../src';
import { createInPageTrackstar } from '../../src/sandbox';

interface BenchInput {
  spec: unknown;
  integrationName: string;
  action: string;
  formSchema: RJSFSchema;
  formData: Record<string, unknown>;
  /** DOM id of the field the runner types into, relative to the `root` id prefix. */
  targetId: string;
  expectedInputs: number;
}

interface BenchResult {
  /** Until the first field is on screen. */
  firstPaintMs: number;
  /** Until every field of every line item is in the DOM. */
  completeMs: number;
  keystrokesMs: number[];
}

declare global {
  interface Window {
    __benchResult?: BenchResult;
    __benchReady?: boolean;
  }
}

const scenario = new URLSearchParams(location.search).get('scenario') ?? 'plain';
const keystrokes: number[] = [];

/** Time from a keydown to the frame after React committed its update: what the operator waits for. */
function recordKeystrokes(target: EventTarget): void {
  target.addEventListener(
    'keydown',
    () => {
      const start = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => keystrokes.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

function whenPainted(check: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const poll = () => {
      if (check()) {
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        });
      } else {
        requestAnimationFrame(poll);
      }
    };
    poll();
  });
}

function PlainInput({ id = 'root_target', initial = '' }: { id?: string; initial?: string }) {
  const [value, setValue] = useState(initial);
  return <input id={id} value={value} onChange={(event) => setValue(event.target.value)} />;
}

const BLOCK_STYLE = { contentVisibility: 'auto', containIntrinsicSize: 'auto 75rem' } as const;

/** Plain inputs in the table's shape: rows of cells, 25 rows per content-visibility block. */
function PlainRows({ items }: { items: Array<Record<string, unknown>> }) {
  const keys = Object.keys(items[0] ?? {});
  const blocks = Array.from({ length: Math.ceil(items.length / 25) }, (_, block) => items.slice(block * 25, block * 25 + 25));
  return (
    <div>
      {blocks.map((rows, block) => (
        <div key={block} style={BLOCK_STYLE}>
          {rows.map((row, offset) => (
            <div key={offset} style={{ display: 'grid', gridTemplateColumns: `3rem repeat(${keys.length}, minmax(8rem, 1fr))` }}>
              <span>{block * 25 + offset + 1}</span>
              {keys.map((key) => (
                <PlainInput key={key} id={`root_line_items_${block * 25 + offset}_${key}`} initial={String(row[key])} />
              ))}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

async function main() {
  const input = (await (await fetch('/bench-input.json')).json()) as BenchInput;
  const container = document.getElementById('root')!;
  recordKeystrokes(document);
  const start = performance.now();
  const root = createRoot(container);

  if (scenario === 'plain') {
    root.render(<PlainInput />);
  } else if (scenario === 'rows') {
    root.render(<PlainRows items={input.formData.line_items as Array<Record<string, unknown>>} />);
  } else if (scenario === 'rjsf') {
    root.render(<RjsfForm schema={input.formSchema} validator={validator} formData={input.formData} />);
  } else {
    const trackstar = createInPageTrackstar({
      sandbox: { spec: input.spec },
      connection: { integrationType: 'wms', integrationName: input.integrationName },
    });
    root.render(
      <TrackstarProvider baseUrl={trackstar.baseUrl} fetch={trackstar.fetch} queryClient={new QueryClient()} draftStorage={null}>
        <TrackstarWriteForm action={input.action} integrationName={input.integrationName} defaultValues={input.formData} idPrefix="root" />
      </TrackstarProvider>,
    );
  }

  const inputsNeeded = scenario === 'plain' ? 1 : input.expectedInputs;
  const countInputs = () => container.querySelectorAll('input, select, textarea').length;
  const firstPaintAt = await whenPainted(() => countInputs() > 0);
  const completeAt = await whenPainted(() => countInputs() >= inputsNeeded);
  window.__benchResult = { firstPaintMs: firstPaintAt - start, completeMs: completeAt - start, keystrokesMs: keystrokes };
  window.__benchReady = true;
}

void main();

import { type ReactNode, useId } from 'react';
import { type TrackstarApiError, type TrackstarWriteSuccess, isTrackstarApiError } from '../src/index';

/** A write request as the page handed it to the proxy. */
export interface SentRequest {
  serial: number;
  method: string;
  /** Path below the proxy's mount point, e.g. `/wms/orders`. */
  path: string;
  idempotencyKey: string | undefined;
  body: unknown;
  sentAt: Date;
  /** HTTP status of the answer; `undefined` while in flight, `0` when none arrived. */
  status: number | undefined;
  requestId?: string | undefined;
}

/** A write's outcome and when it arrived. */
export interface Outcome<T> {
  value: T;
  at: Date;
}

interface PanelProps {
  title: string;
  badge?: ReactNode;
  /** A later request has a different outcome: this one is kept for reference. */
  stale?: boolean;
  children: ReactNode;
  className: string;
}

function Panel({ title, badge, stale = false, children, className }: PanelProps) {
  const titleId = useId();
  return (
    <section className={`demo-card demo-panel ${className}${stale ? ' demo-panel--stale' : ''}`} aria-labelledby={titleId}>
      <div className="demo-panel__header">
        <h2 id={titleId} className="demo-card__title">
          {title}
        </h2>
        {badge}
      </div>
      {stale && <p className="demo-panel__note">From an earlier request.</p>}
      {children}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="demo-facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const NONE = <span className="demo-muted">—</span>;

/** JSON with keys, strings, numbers and literals in their own colours. */
function highlightJson(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const token = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
  let last = 0;
  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const [whole, string, colon, literal, number] = match;
    const key = parts.length;
    if (string !== undefined && colon !== undefined) {
      parts.push(
        <span key={key} className="demo-json__key">
          {string}
        </span>,
        colon,
      );
    } else if (string !== undefined) {
      parts.push(
        <span key={key} className="demo-json__string">
          {string}
        </span>,
      );
    } else if (literal !== undefined) {
      parts.push(
        <span key={key} className="demo-json__literal">
          {literal}
        </span>,
      );
    } else if (number !== undefined) {
      parts.push(
        <span key={key} className="demo-json__number">
          {number}
        </span>,
      );
    }
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const text = value === undefined ? 'undefined' : JSON.stringify(value, null, 2);
  return (
    <figure className="demo-json">
      <figcaption className="demo-json__caption">{label}</figcaption>
      {/* Focusable, so a keyboard user can scroll a long body. */}
      <pre className="demo-json__body" tabIndex={0} aria-label={label}>
        <code>{highlightJson(text)}</code>
      </pre>
    </figure>
  );
}

export function ResultPanel({ result: outcome, stale }: { result: Outcome<TrackstarWriteSuccess> | undefined; stale: boolean }) {
  const result = outcome?.value;
  return (
    <Panel
      title="Last result"
      className="demo-panel--result"
      stale={stale}
      badge={result ? <span className="demo-pill demo-pill--success">{result.replayed ? 'Replayed' : 'Written'}</span> : undefined}
    >
      {result && outcome ? (
        <>
          <dl className="demo-facts">
            <Fact term="ID">{result.id ? <code>{result.id}</code> : NONE}</Fact>
            <Fact term="Replayed">{result.replayed ? 'Yes: Trackstar returned the original result' : 'No'}</Fact>
            <Fact term="Unused fields">
              {result.unusedFields.length > 0 ? (
                <ul className="demo-inline-list">
                  {result.unusedFields.map((field) => (
                    <li key={field}>
                      <code>{field}</code>
                    </li>
                  ))}
                </ul>
              ) : (
                'None'
              )}
            </Fact>
            <Fact term="Request ID">{result.requestId ? <code>{result.requestId}</code> : NONE}</Fact>
            <Fact term="Received at">{outcome.at.toLocaleTimeString()}</Fact>
          </dl>
          <JsonBlock label="Returned data" value={result.data} />
        </>
      ) : (
        <p className="demo-empty">No write has succeeded yet.</p>
      )}
    </Panel>
  );
}

function statusTone(status: number | undefined): string {
  if (status === undefined) return 'pending';
  if (status >= 200 && status < 300) return 'success';
  return 'error';
}

export function RequestPanel({ request }: { request: SentRequest | undefined }) {
  return (
    <Panel
      title="Request that was sent"
      className="demo-panel--request"
      badge={
        request ? (
          <span className={`demo-pill demo-pill--${statusTone(request.status)}`}>
            {request.status === undefined ? 'Sending…' : request.status === 0 ? 'No answer' : `HTTP ${request.status}`}
          </span>
        ) : undefined
      }
    >
      {request ? (
        <>
          <p className="demo-endpoint demo-endpoint--request">
            <span className={`demo-method demo-method--${request.method.toLowerCase()}`}>{request.method}</span>
            <code>{request.path}</code>
          </p>
          <dl className="demo-facts">
            <Fact term="Idempotency-Key">{request.idempotencyKey ? <code className="demo-break">{request.idempotencyKey}</code> : NONE}</Fact>
            <Fact term="Sent at">{request.sentAt.toLocaleTimeString()}</Fact>
            {request.requestId && (
              <Fact term="Request ID">
                <code>{request.requestId}</code>
              </Fact>
            )}
          </dl>
          <JsonBlock label="Body" value={request.body} />
        </>
      ) : (
        <p className="demo-empty">Nothing sent yet. Fill in the form and submit it.</p>
      )}
    </Panel>
  );
}

function originLabel(error: TrackstarApiError | Error): string {
  if (!isTrackstarApiError(error)) return 'This page (nothing was sent)';
  switch (error.origin) {
    case 'integration':
      return 'Integration';
    case 'trackstar':
      return 'Trackstar';
    case 'proxy':
      return 'Your server (proxy)';
    case 'gateway':
      return 'A server in between';
    case 'network':
      return 'Network';
  }
}

export function ErrorPanel({ error: outcome, stale }: { error: Outcome<TrackstarApiError | Error> | undefined; stale: boolean }) {
  const error = outcome?.value;
  const apiError = error && isTrackstarApiError(error) ? error : undefined;
  const fieldErrors = apiError ? Object.entries(apiError.fieldErrors) : [];
  return (
    <Panel
      title="Last error"
      className="demo-panel--error"
      stale={stale}
      badge={error ? <span className="demo-pill demo-pill--error">{apiError ? (apiError.status === 0 ? 'No answer' : `HTTP ${apiError.status}`) : 'Error'}</span> : undefined}
    >
      {error ? (
        <dl className="demo-facts">
          <Fact term="Status">{apiError ? apiError.status || 'No answer' : NONE}</Fact>
          <Fact term="Origin">{originLabel(error)}</Fact>
          {apiError && (
            <Fact term="Kind">
              <code>{apiError.kind}</code>
            </Fact>
          )}
          <Fact term="Message">
            <span className="demo-message">{error.message}</span>
          </Fact>
          {fieldErrors.length > 0 && (
            <Fact term="Fields">
              <ul className="demo-field-errors">
                {fieldErrors.map(([path, messages]) => (
                  <li key={path}>
                    <code>{path || '(body)'}</code> {messages.join(' ')}
                  </li>
                ))}
              </ul>
            </Fact>
          )}
          <Fact term="Request ID">{apiError?.requestId ? <code>{apiError.requestId}</code> : NONE}</Fact>
          {outcome && <Fact term="Received at">{outcome.at.toLocaleTimeString()}</Fact>}
        </dl>
      ) : (
        <p className="demo-empty">No errors.</p>
      )}
    </Panel>
  );
}

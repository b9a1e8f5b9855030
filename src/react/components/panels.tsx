import type { ReactNode } from 'react';
import { describeApiError, isTrackstarApiError } from '../../core/api-error';
import { humanizeKey } from '../../core/schema/labels';
import type { TrackstarWriteSuccess } from '../hooks/useTrackstarWrite';

/** Something went wrong or cannot proceed: announced immediately by screen readers. */
export function AlertPanel({ title, children, className }: { title: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div role="alert" className={`tswf-alert${className ? ` ${className}` : ''}`}>
      <p className="tswf-alert__title">{title}</p>
      {children}
    </div>
  );
}

/** Progress and outcomes: announced politely. */
export function StatusPanel({ children, busy, className }: { children: ReactNode; busy?: boolean; className?: string }) {
  return (
    <div role="status" aria-busy={busy || undefined} className={`tswf-status${className ? ` ${className}` : ''}`}>
      {children}
    </div>
  );
}

export interface WriteErrorAlertProps {
  error: Error;
  integrationName: string;
  noun: string;
  /** Field errors that have no field on screen (e.g. "Unknown field") are listed here instead. */
  unplacedFieldErrors?: Record<string, string[]>;
}

export function WriteErrorAlert({ error, integrationName, noun, unplacedFieldErrors = {} }: WriteErrorAlertProps) {
  if (!isTrackstarApiError(error)) {
    return (
      <AlertPanel title={`This ${noun} was not sent.`} className="tswf-alert--write">
        <p className="tswf-alert__message">{error.message}</p>
      </AlertPanel>
    );
  }
  const { title, message } = describeApiError(error, { integrationName, noun });
  const leftovers = Object.entries(unplacedFieldErrors);
  return (
    <AlertPanel title={title} className={`tswf-alert--write tswf-alert--${error.origin}`}>
      <p className="tswf-alert__message">
        <span className="tswf-alert__source">{error.origin === 'integration' ? `${integrationName} said: ` : error.origin === 'trackstar' ? 'Trackstar said: ' : ''}</span>
        {message}
      </p>
      {leftovers.length > 0 && (
        <ul className="tswf-alert__fields">
          {leftovers.map(([path, messages]) => (
            <li key={path}>
              <code>{path || '(body)'}</code>: {messages.join(' ')}
            </li>
          ))}
        </ul>
      )}
      {error.requestId && <p className="tswf-alert__request-id">Request ID: {error.requestId}</p>}
    </AlertPanel>
  );
}

export interface SuccessNoticeProps {
  result: TrackstarWriteSuccess;
  integrationName: string;
  noun: string;
  method: 'POST' | 'PUT';
  onStartNew?: (() => void) | undefined;
}

export function SuccessNotice({ result, integrationName, noun, method, onStartNew }: SuccessNoticeProps) {
  const verb = method === 'PUT' ? 'saved' : 'created';
  return (
    <StatusPanel className="tswf-status--success">
      <p className="tswf-status__title">
        {`${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${verb} in ${integrationName}`}
        {result.id ? <> (ID <code>{result.id}</code>)</> : null}.
      </p>
      {result.replayed && (
        <p>This {noun} had already been submitted; Trackstar returned the original result instead of writing it twice.</p>
      )}
      {result.unusedFields.length > 0 && (
        <div className="tswf-status__unused">
          <p>
            {integrationName} accepted these fields but did not use them, so they did not reach {integrationName}:
          </p>
          <ul>
            {result.unusedFields.map((field) => (
              <li key={field}>
                {humanizeKey(field.split('.').at(-1) ?? field)} <code>{field}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {onStartNew && (
        <button type="button" className="tswf-button tswf-button--secondary" onClick={onStartNew}>
          Start a new {noun}
        </button>
      )}
    </StatusPanel>
  );
}

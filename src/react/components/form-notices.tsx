/**
 * The notices a write form shows around its fields: outcomes, the validation
 * summary, a restored draft, a write whose outcome is unknown. Drawn through the
 * `TrackstarNotice` and `TrackstarButton` template slots, worded through the
 * message catalogue. An alert (something stopped the operator) is `role="alert"`;
 * progress and outcomes are `role="status"`.
 */
import type { Ref } from 'react';
import {
  type FormPath,
  type Formatters,
  type SubmissionState,
  type TrackstarMessages,
  type ValidationProblem,
  type WriteSuccess,
  describeApiError,
  humanizeKey,
  isTrackstarApiError,
} from '../../core';
import type { FormRegistry } from '../form/registry';
import { buttonTemplate } from '../templates/trackstar-button';
import { noticeTemplate } from '../templates/trackstar-notice';

interface Common {
  registry: FormRegistry;
  messages: TrackstarMessages;
}

export function ValidationSummary({
  problems,
  onGoTo,
  registry,
  messages,
  formatters,
  noticeRef,
}: Common & { problems: readonly ValidationProblem[]; onGoTo: (path: FormPath) => void; formatters: Formatters; noticeRef?: Ref<HTMLDivElement> }) {
  const Notice = noticeTemplate(registry);
  const Button = buttonTemplate(registry);
  return (
    <Notice
      registry={registry}
      tone="error"
      role="alert"
      className="tswf-alert--validation"
      noticeRef={noticeRef}
      title={messages.validationSummaryTitle({ count: problems.length, countText: formatters.number(problems.length) })}
    >
      <ul className="tswf-alert__fields">
        {problems.map((problem) => (
          <li key={`${problem.path.join('.')}:${problem.message}`}>
            <Button registry={registry} variant="link" onClick={() => onGoTo(problem.path)}>
              {problem.summary}
            </Button>
          </li>
        ))}
      </ul>
    </Notice>
  );
}

export interface WriteErrorNoticeProps extends Common {
  submission: Extract<SubmissionState, { status: 'failed' }>;
  integrationName: string;
  noun: string;
  labelOf: (path: readonly string[]) => string;
  onGoTo: (path: FormPath) => void;
  noticeRef?: Ref<HTMLDivElement> | undefined;
}

export function WriteErrorNotice({ submission, integrationName, noun, labelOf, onGoTo, registry, messages, noticeRef }: WriteErrorNoticeProps) {
  const Notice = noticeTemplate(registry);
  const Button = buttonTemplate(registry);
  const { error } = submission;
  if (!isTrackstarApiError(error)) {
    return (
      <Notice registry={registry} tone="error" role="alert" className="tswf-alert--write" noticeRef={noticeRef} title={messages.notSentTitle({ noun })}>
        <p className="tswf-alert__message">{error.message}</p>
      </Notice>
    );
  }
  const { title, message, speaker } = describeApiError(error, { integrationName, noun, messages });
  const leftovers = Object.entries(submission.unplacedFieldErrors);
  return (
    <Notice registry={registry} tone="error" role="alert" className={`tswf-alert--write tswf-alert--${error.origin}`} noticeRef={noticeRef} title={title}>
      <p className="tswf-alert__message">
        {speaker ? <span className="tswf-alert__source">{messages.saidBy({ who: speaker })}</span> : null}
        {message}
      </p>
      {submission.quotedFields.length > 0 ? (
        <ul className="tswf-alert__fields">
          {submission.quotedFields.map((path) => (
            <li key={path.join('.')}>
              <Button registry={registry} variant="link" onClick={() => onGoTo(path)}>
                {messages.quotedFieldLink({ location: labelOf(path.map(String)) })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {leftovers.length > 0 ? (
        <ul className="tswf-alert__fields">
          {leftovers.map(([path, list]) => (
            <li key={path}>
              <code>{path || '(body)'}</code>: {list.join(' ')}
            </li>
          ))}
        </ul>
      ) : null}
      {submission.uncertain ? <p className="tswf-alert__hint">{messages.uncertainOutcomeHint({ integration: integrationName })}</p> : null}
      {error.requestId ? <p className="tswf-alert__request-id">{messages.requestId({ id: error.requestId })}</p> : null}
    </Notice>
  );
}

export interface SuccessNoticeProps extends Common {
  result: WriteSuccess;
  integrationName: string;
  noun: string;
  method: 'POST' | 'PUT';
  /** The values changed since: a submit now is a new write. */
  changedSince: boolean;
  repeatsBlocked: number;
  noticeRef?: Ref<HTMLDivElement> | undefined;
}

export function SuccessNotice({ result, integrationName, noun, method, changedSince, repeatsBlocked, registry, messages, noticeRef }: SuccessNoticeProps) {
  const Notice = noticeTemplate(registry);
  return (
    <Notice
      registry={registry}
      tone="success"
      role="status"
      className="tswf-status--success"
      noticeRef={noticeRef}
      title={messages.successTitle({ noun, integration: integrationName, method, id: result.id })}
    >
      {result.replayed ? <p>{messages.successReplayed({ noun })}</p> : null}
      {result.unusedFields.length > 0 ? (
        <div className="tswf-status__unused">
          <p>{messages.unusedFieldsIntro({ integration: integrationName })}</p>
          <ul>
            {result.unusedFields.map((field) => (
              <li key={field}>
                {humanizeKey(field.split('.').at(-1) ?? field)} <code>{field}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {repeatsBlocked > 0 && !changedSince ? <p className="tswf-status__repeat">{messages.repeatBlocked({ noun, id: result.id })}</p> : null}
      {changedSince ? <p className="tswf-status__changed">{messages.changedAfterSuccess({ noun, method })}</p> : null}
      {result.requestId ? <p className="tswf-status__request-id">{messages.requestId({ id: result.requestId })}</p> : null}
    </Notice>
  );
}

export function ConfirmNewWriteNotice({
  integrationName,
  noun,
  onConfirm,
  onCancel,
  registry,
  messages,
  noticeRef,
}: Common & { integrationName: string; noun: string; onConfirm: () => void; onCancel: () => void; noticeRef?: Ref<HTMLDivElement> }) {
  const Notice = noticeTemplate(registry);
  const Button = buttonTemplate(registry);
  return (
    <Notice registry={registry} tone="warning" role="alert" className="tswf-alert--confirm" noticeRef={noticeRef} title={messages.confirmNewWriteTitle({ integration: integrationName, noun })}>
      <div className="tswf-notice__actions">
        <Button registry={registry} variant="primary" onClick={onConfirm}>
          {messages.confirmNewWriteSend({ noun })}
        </Button>
        <Button registry={registry} variant="secondary" onClick={onCancel}>
          {messages.confirmNewWriteCancel()}
        </Button>
      </div>
    </Notice>
  );
}

export function PendingWriteNotice({ integrationName, noun, sentAt, registry, messages, formatters }: Common & { integrationName: string; noun: string; sentAt: number; formatters: Formatters }) {
  const Notice = noticeTemplate(registry);
  return (
    <Notice registry={registry} tone="warning" role="status" className="tswf-status--pending">
      <p>{messages.pendingFromEarlierVisit({ integration: integrationName, noun, time: formatters.time(sentAt) })}</p>
    </Notice>
  );
}

export function DraftRestoredNotice({
  savedAt,
  onDiscard,
  onKeep,
  registry,
  messages,
  formatters,
}: Common & { savedAt: number; onDiscard: () => void; onKeep: () => void; formatters: Formatters }) {
  const Notice = noticeTemplate(registry);
  const Button = buttonTemplate(registry);
  return (
    <Notice registry={registry} tone="info" role="status" className="tswf-status--draft">
      <p>{messages.draftRestored({ time: formatters.time(savedAt) })}</p>
      <div className="tswf-notice__actions">
        <Button registry={registry} variant="secondary" onClick={onDiscard}>
          {messages.discardDraft()}
        </Button>
        <Button registry={registry} variant="link" onClick={onKeep}>
          {messages.keepDraft()}
        </Button>
      </div>
    </Notice>
  );
}

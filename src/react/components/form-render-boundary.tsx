import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { TrackstarMessages } from '../../core';
import type { FormRegistry } from '../form/registry';
import { buttonTemplate } from '../templates/trackstar-button';
import { noticeTemplate } from '../templates/trackstar-notice';

interface BoundaryProps {
  integrationName: string;
  messages: TrackstarMessages;
  registry: FormRegistry;
  children: ReactNode;
}

/**
 * A schema rjsf cannot render must not blank the page. The form's values live in the
 * store above this boundary (and in the draft), so nothing typed is lost when it
 * trips, and "Try again" renders the same values.
 */
export class FormRenderBoundary extends Component<BoundaryProps, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    if (typeof console !== 'undefined') console.error('trackstar-write-form: the form failed to render', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { messages, registry, integrationName } = this.props;
    const Notice = noticeTemplate(registry);
    const Button = buttonTemplate(registry);
    return (
      <Notice registry={registry} tone="error" role="alert" className="tswf-alert--render" title={messages.renderFailedTitle({ integration: integrationName })}>
        <p className="tswf-alert__message">{error.message}</p>
        <p>{messages.entriesKept()}</p>
        <Button registry={registry} onClick={() => this.setState({ error: undefined })}>
          {messages.tryAgain()}
        </Button>
      </Notice>
    );
  }
}

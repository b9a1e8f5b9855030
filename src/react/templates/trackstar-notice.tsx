/**
 * The form's notices (errors, outcomes, the validation summary, a restored draft) as a
 * template slot, `templates.TrackstarNotice`, so a host's design system can draw them.
 * `role` is decided by the form (an alert interrupts; a status is read politely) and
 * must be kept by a replacement.
 */
import type { FormContextType, Registry, RJSFSchema } from '@rjsf/utils';
import type { ComponentType, ReactNode, Ref } from 'react';

type AnyRegistry = Registry<unknown, RJSFSchema, FormContextType>;

export interface TrackstarNoticeProps {
  tone: 'error' | 'warning' | 'success' | 'info';
  role: 'alert' | 'status' | undefined;
  title?: ReactNode;
  children?: ReactNode;
  className?: string | undefined;
  /** For focusing a notice (a blocked repeat submit moves focus to the success it repeats). */
  noticeRef?: Ref<HTMLDivElement> | undefined;
  id?: string | undefined;
  busy?: boolean | undefined;
  registry: AnyRegistry;
}

export function TrackstarNotice({ tone, role, title, children, className, noticeRef, id, busy }: TrackstarNoticeProps) {
  const base = role === 'alert' || tone === 'error' ? 'tswf-alert' : 'tswf-status';
  return (
    <div
      ref={noticeRef}
      id={id}
      role={role}
      aria-busy={busy || undefined}
      tabIndex={noticeRef ? -1 : undefined}
      className={`${base} tswf-notice tswf-notice--${tone}${className ? ` ${className}` : ''}`}
    >
      {title !== undefined && title !== null ? <p className={`${base}__title`}>{title}</p> : null}
      {children}
    </div>
  );
}

export function noticeTemplate(registry: AnyRegistry): ComponentType<TrackstarNoticeProps> {
  const custom = registry.templates.TrackstarNotice as ComponentType<TrackstarNoticeProps> | undefined;
  return custom ?? TrackstarNotice;
}

/**
 * What every field of one form shares, provided once by the form body: the form's
 * control (its store), the message catalogue, and the few services fields call back
 * into (announcements, bringing a windowed row on screen). Read through
 * `useFormRuntime`; nothing here changes while the form is mounted, so reading it
 * never re-renders a field.
 */
import { createContext, useContext } from 'react';
import type { FormPath, Formatters, TrackstarMessages, WriteFormControl } from '../../core';

export interface FormRuntime {
  readonly control: WriteFormControl<unknown>;
  readonly messages: TrackstarMessages;
  readonly formatters: Formatters;
  /** Prefix of every DOM id in this form (rjsf's `idPrefix`). */
  readonly idPrefix: string;
  /**
   * Id of an empty form rendered beside the write form: a focused line-item cell joins
   * it, so the browser's autofill does not re-read the whole form on every keystroke
   * (see line-items/autofill-isolation). Absent where no such form is rendered.
   */
  readonly isolatedFormId?: string;
  /** Says `text` in the form's polite live region. */
  announce(text: string): void;
  /**
   * A windowed list registers how to bring one of its rows on screen, so that focusing
   * a field in an off-screen row (from the error summary) can render it first. The
   * handler returns `true` when it knows the path.
   */
  registerReveal(path: FormPath, reveal: (path: FormPath) => boolean): () => void;
  /** Brings the field at `path` on screen and focuses it (or, for a group, the control to fix first). */
  focusPath(path: FormPath): void;
  /** Host callbacks, by the field's DOM id and value (rjsf's signature). */
  onFieldBlur(id: string, value: unknown): void;
  onFieldFocus(id: string, value: unknown): void;
}

export const FormRuntimeContext = createContext<FormRuntime | null>(null);

export function useFormRuntime(): FormRuntime {
  const runtime = useContext(FormRuntimeContext);
  if (!runtime) throw new Error('trackstar-write-form: form fields must render inside TrackstarWriteForm (or SchemaFormFields).');
  return runtime;
}

/**
 * The form's own buttons (Add line item, Discard draft, Start a new order, Undo, Retry…)
 * as a template slot, `templates.TrackstarButton`, next to rjsf's `ButtonTemplates`.
 *
 * By default it follows the host's rjsf theme: with a theme (e.g. `@rjsf/mui`) the
 * button is drawn by the theme's `ButtonTemplates.SubmitButton` with `type="button"`,
 * so it looks like the theme's buttons; with rjsf's plain core templates it is a
 * plain `<button>` the optional stylesheet styles. A host can replace the slot.
 */
import { getDefaultRegistry } from '@rjsf/core';
import type { FormContextType, Registry, RJSFSchema } from '@rjsf/utils';
import type { ButtonHTMLAttributes, ComponentType, ReactNode } from 'react';

type AnyRegistry = Registry<unknown, RJSFSchema, FormContextType>;

export interface TrackstarButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> {
  /** `primary` for the one main action, `secondary` for the others, `link` for inline actions. */
  variant?: 'primary' | 'secondary' | 'link';
  type?: 'button' | 'submit';
  registry: AnyRegistry;
  children: ReactNode;
}

const coreSubmitButton = getDefaultRegistry().templates.ButtonTemplates.SubmitButton;

export function TrackstarButton({ variant = 'secondary', type = 'button', registry, children, className, ...rest }: TrackstarButtonProps) {
  const classes = `tswf-button tswf-button--${variant}${className ? ` ${className}` : ''}`;
  const ThemeSubmit = registry.templates.ButtonTemplates.SubmitButton;
  // A link sits in a sentence (the summary's field links, Undo): a theme's submit button would not fit there.
  if (ThemeSubmit === coreSubmitButton || typeof children !== 'string' || variant === 'link') {
    return (
      <button type={type} className={classes} {...rest}>
        {children}
      </button>
    );
  }
  return (
    <ThemeSubmit
      registry={registry}
      uiSchema={{ 'ui:submitButtonOptions': { submitText: children, norender: false, props: { ...rest, type, className: classes } } }}
    />
  );
}

/** The host's `templates.TrackstarButton`, or the default above. */
export function buttonTemplate(registry: AnyRegistry): ComponentType<TrackstarButtonProps> {
  const custom = registry.templates.TrackstarButton as ComponentType<TrackstarButtonProps> | undefined;
  return custom ?? TrackstarButton;
}

/**
 * axe rules narrowed for known defects of the form, each listed in the README
 * (Storybook › Known accessibility exceptions). Each keeps axe's own selector for the
 * rule minus the one element at fault, so every other element is still checked.
 * Delete an entry (and its uses) with the fix; the stories then check it again.
 */
interface AxeRuleOverride {
  id: string;
  selector: string;
}

/**
 * scrollable-region-focusable: a line-item table with no rows is still a sideways
 * scroller when its columns are wider than the form (narrow screens, integrations with
 * many columns), and holds nothing focusable, so a keyboard cannot scroll it.
 */
export const EMPTY_LINE_ITEM_SCROLLER: AxeRuleOverride = {
  id: 'scrollable-region-focusable',
  selector: '*:not(select, textarea):not(.tswf-table-field__scroll)',
};

/**
 * aria-input-field-name: the selector between a oneOf's shapes is named by a wrapping
 * <label>, which names a native <select> but not a theme's <div role="combobox"> (@rjsf/mui).
 */
export const THEMED_BRANCH_SELECTOR: AxeRuleOverride = {
  id: 'aria-input-field-name',
  selector: ['combobox', 'listbox', 'searchbox', 'slider', 'spinbutton', 'textbox']
    .map((role) => `[role="${role}"]:not([id$="__oneof_select"]):not([id$="__anyof_select"])`)
    .join(', '),
};

/** Story parameters that apply the given overrides. */
export function withKnownA11yExceptions(...rules: AxeRuleOverride[]) {
  return { a11y: { config: { rules } } };
}

/**
 * The three looks a story can take: the default stylesheet (light), the same with a
 * dark scheme made of its custom properties, and rjsf's Material UI theme passed
 * through the form's `templates` and `widgets` props, as a host would, without the
 * default stylesheet (its rules for nested fieldsets would paint over MUI's outlined
 * inputs, whose outline is a fieldset).
 */
import { ThemeProvider, createTheme } from '@mui/material/styles';
import { Theme as MuiRjsfTheme } from '@rjsf/mui';
import type { ReactNode } from 'react';
import type { TrackstarWriteFormProps } from '../../src/index';
import defaultStylesheet from '../../src/styles/trackstar-write-form.css?inline';
import './story-frame.css';

export const STORY_THEMES = ['light', 'dark', 'mui'] as const;
export type StoryTheme = (typeof STORY_THEMES)[number];

export const STORY_THEME_LABELS: Record<StoryTheme, string> = {
  light: 'Default stylesheet, light',
  dark: 'Default stylesheet, dark',
  mui: 'rjsf theme: @rjsf/mui',
};

export function isStoryTheme(value: unknown): value is StoryTheme {
  return typeof value === 'string' && (STORY_THEMES as readonly string[]).includes(value);
}

const muiTheme = createTheme();

/** What the form itself needs for a theme: rjsf's templates and widgets for MUI, nothing for the stylesheet. */
export function themeFormProps(theme: StoryTheme): Pick<TrackstarWriteFormProps, 'templates' | 'widgets'> {
  if (theme !== 'mui') return {};
  // The cast works around the form's `templates` type, `Partial<TemplatesType>`, which wants every button
  // template; rjsf themes (like rjsf's own `FormProps.templates`) give a partial `ButtonTemplates`. The registry
  // merges them over the defaults, so the partial object is what the form handles at run time.
  return { templates: MuiRjsfTheme.templates as TrackstarWriteFormProps['templates'], widgets: MuiRjsfTheme.widgets };
}

export function StoryThemeFrame({ theme, children }: { theme: StoryTheme; children: ReactNode }) {
  const frame = (
    <div className={`story-frame story-frame--${theme === 'dark' ? 'dark' : 'light'}`} data-story-theme={theme}>
      {/* Per story rather than in the preview, so a story with an rjsf theme can go without it. */}
      {theme === 'mui' ? null : <style>{defaultStylesheet}</style>}
      {children}
    </div>
  );
  return theme === 'mui' ? <ThemeProvider theme={muiTheme}>{frame}</ThemeProvider> : frame;
}

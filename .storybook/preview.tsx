import type { Decorator, Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import { StoryTrackstarProvider, optionalStoryTrackstar } from '../stories/support/story-loaders';
import { StoryThemeFrame, isStoryTheme } from '../stories/support/story-theme';

/**
 * Every story: its theme frame (the `theme` arg or parameter), and the provider over its in-page
 * Trackstar when it has one, unless the story renders a provider itself (`storyProvider: false`).
 */
const withTrackstar: Decorator = (Story, context) => {
  const theme = isStoryTheme(context.args.theme) ? context.args.theme : isStoryTheme(context.parameters.theme) ? context.parameters.theme : 'light';
  const trackstar = context.parameters.storyProvider === false ? undefined : optionalStoryTrackstar(context);
  return (
    <StoryThemeFrame theme={theme}>
      {trackstar ? (
        <StoryTrackstarProvider trackstar={trackstar}>
          <Story />
        </StoryTrackstarProvider>
      ) : (
        <Story />
      )}
    </StoryThemeFrame>
  );
};

// Testing Library waits 1 s by default for findBy… and waitFor; a form that loads two requests through the in-page
// proxy can take longer on a busy CI machine. Play functions still fail, just not on a slow second.
configure({ asyncUtilTimeout: 10_000 });

const preview: Preview = {
  decorators: [withTrackstar],
  parameters: {
    layout: 'fullscreen',
    options: {
      storySort: {
        order: ['Docs', ['Getting started', 'The sandbox in your tests and stories', 'Errors'], 'Components', 'Operator flows', 'States', 'Integrations', ['WMS', 'Cart']],
      },
    },
    controls: { expanded: true },
    a11y: {
      // Violations fail the story's test; the known exceptions are listed in the README (Storybook section).
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    },
  },
};

export default preview;

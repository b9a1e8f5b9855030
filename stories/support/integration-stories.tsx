/**
 * The meta and stories of one generated integration file (see
 * `.storybook/generate-integration-stories.ts`): one story per write action, with
 * controls for the action, the schema scope, the path params and the theme.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import storySpec from 'virtual:trackstar-story-spec';
import { expect, within } from 'storybook/test';
import {
  type IntegrationType,
  type KnownWriteAction,
  type SchemaScope,
  TrackstarWriteForm,
  WRITE_ACTIONS,
  pathParamNames,
} from '../../src/index';
import { SANDBOX_SEED_PATH_PARAMS } from '../../src/sandbox/index';
import { trackstarLoader } from './story-loaders';
import { STORY_THEMES, STORY_THEME_LABELS, type StoryTheme, themeFormProps } from './story-theme';

/** What the generator writes into each file. */
export interface GeneratedIntegration {
  integrationType: IntegrationType;
  integrationName: string;
  displayName: string;
  actions: readonly KnownWriteAction[];
  /** `fixture`: the embedded fixture spec; `file`: the spec Storybook was started with. */
  spec: 'fixture' | 'file';
}

export interface IntegrationStoryArgs {
  action: KnownWriteAction;
  schemaScope: SchemaScope;
  /** Values for the action's path template; the sandbox's seeded records by default. */
  pathParams: Record<string, string>;
  theme: StoryTheme;
}

function sandboxSpecFor(integration: GeneratedIntegration): unknown {
  if (integration.spec === 'fixture') return undefined;
  if (storySpec === undefined) {
    throw new Error(
      `The stories of ${integration.displayName} were generated from a spec file, but Storybook was started without TRACKSTAR_OPENAPI_SPEC. Restart it with the same TRACKSTAR_OPENAPI_SPEC.`,
    );
  }
  return storySpec;
}

/** Only the params the action's path uses: a control left over from another action is ignored. */
export function pathParamsFor(action: KnownWriteAction, given: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    pathParamNames(WRITE_ACTIONS[action].path).map((name) => [name, given[name] ?? SANDBOX_SEED_PATH_PARAMS[name] ?? '']),
  );
}

export function integrationMeta(integration: GeneratedIntegration): Meta<IntegrationStoryArgs> {
  return {
    render: (args) => (
      <TrackstarWriteForm
        action={args.action}
        integrationName={integration.integrationName}
        integrationType={integration.integrationType}
        schemaScope={args.schemaScope}
        pathParams={pathParamsFor(args.action, args.pathParams)}
        {...themeFormProps(args.theme)}
      />
    ),
    loaders: [
      trackstarLoader(() => ({
        sandbox: { spec: sandboxSpecFor(integration) },
        connection: { integrationType: integration.integrationType, integrationName: integration.integrationName },
      })),
    ],
    argTypes: {
      action: {
        control: { type: 'select', labels: Object.fromEntries(integration.actions.map((action) => [action, WRITE_ACTIONS[action].label])) },
        options: [...integration.actions],
        description: `The write action; ${integration.displayName} supports these.`,
      },
      schemaScope: {
        control: 'inline-radio',
        options: ['connection', 'integration'],
        description: '`connection`: the connected account\'s schema with its real options; `integration`: the generic schema with placeholders.',
      },
      pathParams: { control: 'object', description: 'Values for the path template (the sandbox seeds one record of each kind).' },
      theme: { control: { type: 'select', labels: STORY_THEME_LABELS }, options: [...STORY_THEMES] },
    },
    // Some real-spec integrations have line-item tables wider than the form even at 1200 px.
  };
}

export function integrationStory(action: KnownWriteAction): StoryObj<IntegrationStoryArgs> {
  return {
    args: { action, schemaScope: 'connection', pathParams: pathParamsFor(action), theme: 'light' },
    // Checked once the form is on screen: a story that only rendered "Loading…" would prove nothing.
    play: async ({ canvas, args }) => {
      const form = await canvas.findByRole('form', {}, { timeout: 15_000 });
      await expect(within(form).getByRole('button', { name: WRITE_ACTIONS[args.action].label })).toBeEnabled();
      await expect(canvas.queryByRole('alert')).toBeNull();
    },
  };
}

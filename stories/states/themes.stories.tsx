/** The same form in the default stylesheet's dark scheme and in rjsf's Material UI theme. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TrackstarWriteForm, type TrackstarWriteFormProps } from '../../src/index';
import { BLUEFIN, BLUEFIN_ORDER } from '../support/sample-data';
import { trackstarLoader } from '../support/story-loaders';
import { themeFormProps } from '../support/story-theme';

const meta = {
  title: 'States/Themes',
  component: TrackstarWriteForm,
  args: { action: 'create_order', integrationName: 'bluefin', defaultValues: { ...BLUEFIN_ORDER, ship_to_address: { ...BLUEFIN_ORDER.ship_to_address, city: '' } } },
  loaders: [trackstarLoader({ connection: BLUEFIN })],
  // Submitted with the city left blank, so the error colours are on screen (and checked by axe) too.
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Create order' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Fix this field before sending:');
  },
} satisfies Meta<TrackstarWriteFormProps>;

export default meta;
type Story = StoryObj<typeof meta>;

export const DarkScheme: Story = {
  name: 'Dark scheme',
  parameters: { theme: 'dark' },
};

export const MaterialUi: Story = {
  name: 'rjsf theme (@rjsf/mui)',
  parameters: { theme: 'mui' },
  args: themeFormProps('mui'),
};

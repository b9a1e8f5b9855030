/**
 * Jest in its default CommonJS mode, as a host's own test suite runs it: every
 * `require` goes through the package's `require` condition.
 */
const { createElement } = require('react');
const { renderToString } = require('react-dom/server');
const { TrackstarProvider, TrackstarWriteForm, createInterpretedValidator, stripEmpty } = require('trackstar-write-form');
const { toFormSchema, WRITE_ACTIONS } = require('trackstar-write-form/core');

test('renders the form on the server', () => {
  const html = renderToString(
    createElement(TrackstarProvider, {
      baseUrl: '/api/trackstar',
      children: createElement(TrackstarWriteForm, { action: 'create_order', integrationName: 'bluefin' }),
    }),
  );
  expect(html.replace(/<!-- -->/g, '')).toContain('Loading the form for bluefin');
});

test('uses the core and the CSP-safe validator', () => {
  expect(WRITE_ACTIONS.create_order.method).toBe('POST');
  expect(stripEmpty({ sku: 'A', note: '' })).toEqual({ sku: 'A' });
  const schema = toFormSchema({ type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } });
  const { errors } = createInterpretedValidator().validateFormData({}, schema);
  expect(errors.map(({ name, property }) => ({ name, property }))).toEqual([{ name: 'required', property: 'sku' }]);
});

// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { TrackstarApiError } from '../../../src/core/api-error';
import { createWriteFormControl, type SendRequest } from '../../../src/core/form/write-form-control';
import { prepareWriteBody } from '../../../src/core/prepare-write-body';
import type { WriteSuccess } from '../../../src/core/write';

type Values = Record<string, unknown>;

function setup(answers: Array<'ok' | 'offline' | 'timeout' | 'invalid' | 422 | 400 | 409 | 500>, options: { pendingWrite?: Parameters<typeof createWriteFormControl>[0]['pendingWrite']; method?: 'POST' | 'PUT' } = {}) {
  const sent: SendRequest[] = [];
  const persisted: unknown[] = [];
  let keys = 0;
  const control = createWriteFormControl<Values>({
    initialValues: { order_number: '1001' },
    pendingWrite: options.pendingWrite,
    method: options.method ?? 'POST',
    path: () => '/wms/orders',
    prepare: (values) => prepareWriteBody(values),
    send: async (request): Promise<WriteSuccess> => {
      sent.push(request);
      const answer = answers.shift() ?? 'ok';
      if (answer === 'offline') throw new TrackstarApiError({ status: 0, origin: 'network', message: 'Failed to fetch' });
      if (answer === 'timeout') throw new TrackstarApiError({ status: 0, origin: 'network', kind: 'timeout', message: 'timed out' });
      if (answer === 'invalid') throw new TrackstarApiError({ status: 200, origin: 'gateway', kind: 'invalid-response', message: 'HTML' });
      if (typeof answer === 'number') throw new TrackstarApiError({ status: answer, origin: 'trackstar', message: `HTTP ${answer}` });
      return { id: `ord_${sent.length}`, data: {}, unusedFields: [], replayed: false, requestId: 'r', status: 200, body: request.body, path: '/wms/orders', idempotencyKey: request.idempotencyKey };
    },
    persistPendingWrite: (pending) => persisted.push(pending),
    generateKey: () => `key-${(keys += 1)}`,
    now: () => 1000,
  });
  return { control, sent, persisted };
}

describe('one write per intent', () => {
  it('does not send the same data again after a success; changed data is a new write with a new key', async () => {
    const { control, sent } = setup(['ok', 'ok']);
    expect(await control.submit()).toMatchObject({ status: 'success' });
    expect(await control.submit()).toMatchObject({ status: 'repeat-blocked', result: { id: 'ord_1' } });
    expect(control.state.submission).toMatchObject({ status: 'succeeded', repeatsBlocked: 1 });
    expect(sent).toHaveLength(1);
    control.setValue(['order_number'], '1002');
    expect(await control.submit()).toMatchObject({ status: 'success', result: { id: 'ord_2' } });
    expect(sent.map((request) => request.idempotencyKey)).toEqual(['key-1', 'key-2']);
  });

  it('a change that is undone is not a new intent', async () => {
    const { control, sent } = setup(['ok']);
    await control.submit();
    control.setValue(['order_number'], '1002');
    control.setValue(['order_number'], '1001');
    expect(await control.submit()).toMatchObject({ status: 'repeat-blocked' });
    expect(sent).toHaveLength(1);
  });

  it.each(['offline', 'timeout', 'invalid', 409, 500] as const)('after %s, resends the same body under the same key, persisted before the request left', async (failure) => {
    const { control, sent, persisted } = setup([failure, 'ok']);
    expect(await control.submit()).toMatchObject({ status: 'error', uncertain: true });
    expect(persisted).toEqual([{ idempotencyKey: 'key-1', fingerprint: expect.any(String), sentAt: 1000 }]);
    expect(control.state.pendingWrite?.idempotencyKey).toBe('key-1');
    expect(await control.submit()).toMatchObject({ status: 'success' });
    expect(sent.map((request) => request.idempotencyKey)).toEqual(['key-1', 'key-1']);
    expect(persisted.at(-1)).toBeUndefined();
    expect(control.state.pendingWrite).toBeUndefined();
  });

  it('after an unknown outcome, changed data goes out only once the operator confirms it is a new write', async () => {
    const { control, sent } = setup(['offline', 'ok']);
    await control.submit();
    control.setValue(['order_number'], '2002');
    const outcome = await control.submit();
    expect(outcome).toMatchObject({ status: 'needs-confirmation', pending: { idempotencyKey: 'key-1' } });
    expect(control.state.submission.status).toBe('confirm-new-write');
    expect(sent).toHaveLength(1);
    expect(await control.submit({ confirmNewWrite: true })).toMatchObject({ status: 'success' });
    expect(sent[1]!.idempotencyKey).toBe('key-2');
  });

  it('a write pending from an earlier page load is resent under its key', async () => {
    const first = setup(['offline']);
    await first.control.submit();
    const pending = first.control.state.pendingWrite!;
    const second = setup(['ok'], { pendingWrite: pending });
    expect(await second.control.submit()).toMatchObject({ status: 'success' });
    expect(second.sent[0]!.idempotencyKey).toBe('key-1');
  });

  it.each([400, 422] as const)('a certain rejection (%s) spends the key: nothing was written', async (status) => {
    const { control, sent, persisted } = setup([status, 'ok']);
    expect(await control.submit()).toMatchObject({ status: 'error', uncertain: false });
    expect(persisted.at(-1)).toBeUndefined();
    expect(await control.submit()).toMatchObject({ status: 'success' });
    expect(sent.map((request) => request.idempotencyKey)).toEqual(['key-1', 'key-2']);
  });

  it('ignores a second submit while one is in flight', async () => {
    const { control, sent } = setup(['ok']);
    const [first, second] = await Promise.all([control.submit(), control.submit()]);
    expect(first.status).toBe('success');
    expect(second.status).toBe('ignored');
    expect(sent).toHaveLength(1);
  });

  it('validation stops the submit and shows the problems; nothing is sent', async () => {
    const validate = vi.fn(() => ({ errors: { order_number: { __errors: ['Order number is required.'] } }, problems: [{ path: ['order_number'], location: 'Order number', message: 'Order number is required.', summary: 'Order number is required.' }] }));
    const send = vi.fn();
    const control = createWriteFormControl<Values>({ initialValues: {}, method: 'POST', path: () => '/wms/orders', prepare: (values) => prepareWriteBody(values), validate, send });
    expect(await control.submit()).toMatchObject({ status: 'invalid' });
    expect(control.state).toMatchObject({ submitCount: 1, errors: { order_number: { __errors: ['Order number is required.'] } } });
    expect(send).not.toHaveBeenCalled();
  });

  it('a missing path parameter fails before any request, certainly', async () => {
    const send = vi.fn();
    const control = createWriteFormControl<Values>({
      initialValues: { a: '1' },
      method: 'PUT',
      path: () => {
        throw new Error('Missing path parameter "order_id"');
      },
      prepare: (values) => prepareWriteBody(values),
      send,
    });
    expect(await control.submit()).toMatchObject({ status: 'error', uncertain: false });
    expect(send).not.toHaveBeenCalled();
  });
});

// The dispatch board against a recorded GraphQL exchange: what it shows, what it sends when a caregiver is picked.
// The same flow runs against a real server in Chromium in test/miniprogram/h5.dispatch.test.ts.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetStore, signIn } from '../../lib/store';
import { answers, requests, resetTaro } from '../../testing/taro';
import DispatchHome from './index';

const order = (id: string, at: string, caregiver: { id: string; name: string } | null = null) => ({
  id,
  ref: id.slice(-8),
  status: caregiver ? 'ASSIGNED' : 'PLACED',
  scheduledAt: at,
  quantity: 1,
  service: { name: '剪指甲' },
  elder: { id: `e-${id}`, name: '张桂兰', address: '前川街道幸福路 8 号' },
  caregiver,
});
const sent = (name: string) => requests.filter((r) => new RegExp(`(query|mutation) ${name}\\b`).test(r.data.query));

beforeEach(() => {
  resetTaro();
  resetStore();
  signIn('tok', { id: 'u1', role: 'PROVIDER_ADMIN', displayName: '调度员' });
});
afterEach(cleanup);

describe('dispatch board', () => {
  it('shows progress and risks, lists suggestions with their load, and assigns the one picked', async () => {
    let assigned = false;
    answers.set('DispatchBoard', () => ({
      dispatchBoard: {
        day: '2026-11-18',
        unassigned: assigned ? [] : [order('o-000000000001', '2026-11-18T03:00:00Z')],
        atRisk: assigned
          ? []
          : [{ risk: 'NO_CAREGIVER', minutesToStart: 45, order: order('o-000000000001', '2026-11-18T03:00:00Z') }],
        progress: {
          total: 3,
          unassigned: assigned ? 0 : 1,
          assigned: assigned ? 2 : 1,
          inService: 1,
          done: 0,
          cancelled: 0,
        },
      },
    }));
    answers.set('AssignedToday', () => ({ orders: { edges: [] } }));
    answers.set('CaregiverSuggestions', () => ({
      caregiverSuggestions: [
        { caregiver: { id: 'c-1', name: '王芳' }, openOrders: 2, dayOrders: 0 },
        { caregiver: { id: 'c-2', name: '李强' }, openOrders: 1, dayOrders: 1 },
      ],
    }));
    answers.set('AssignOrder', ({ orderId, caregiverId }) => {
      assigned = true;
      return {
        assignOrder: { ...order(String(orderId), '2026-11-18T03:00:00Z', { id: String(caregiverId), name: '王芳' }) },
      };
    });
    const { container } = render(<DispatchHome />);
    await waitFor(() => expect(container.querySelector('#progress-unassigned')?.textContent).toContain('1'));
    const risk = container.querySelector('#at-risk .board-order')!;
    expect(risk.querySelector('.board-risk')!.textContent).toBe('还没派护理员：45 分钟后开始');
    // An order at risk is shown once, under the risks, not again under the unassigned.
    expect(container.querySelectorAll('#unassigned .board-order')).toHaveLength(0);
    await act(async () => fireEvent.click(risk.querySelector('.pick')!));
    await waitFor(() => expect(risk.querySelectorAll('.suggestion')).toHaveLength(2));
    expect(risk.querySelector('.suggestion')!.textContent).toBe('派给 王芳（当天 0 单，在办 2 单）');
    await act(async () => fireEvent.click(risk.querySelector('.suggestion')!));
    await waitFor(() => expect(sent('AssignOrder')).toHaveLength(1));
    expect(sent('AssignOrder')[0]!.data.variables).toEqual({ orderId: 'o-000000000001', caregiverId: 'c-1' });
    await waitFor(() => expect(container.querySelector('#progress-assigned')?.textContent).toContain('2'));
    expect(container.querySelectorAll('#at-risk .board-order')).toHaveLength(0);
  });

  it('shows the server’s refusal as it is worded', async () => {
    answers.set('DispatchBoard', () => Object.assign(new Error('派单看板由服务机构查看。'), { code: 'FORBIDDEN' }));
    answers.set('AssignedToday', () => ({ orders: { edges: [] } }));
    const { container } = render(<DispatchHome />);
    await waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toBe('派单看板由服务机构查看。'));
  });
});

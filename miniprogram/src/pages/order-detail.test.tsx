// The order detail page against a recorded GraphQL exchange (issue 25): the caregiver on the order
// (name, rating, one-tap call while the visit is on) and the steps the visit has reached.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStore, signIn } from '../lib/store';
import { answers, requests, resetTaro, router } from '../testing/taro';
import OrderDetail from './order-detail/index';

beforeEach(() => {
  resetTaro();
  resetStore();
});
afterEach(cleanup);

describe('order detail: the caregiver and the progress (issue 25)', () => {
  const detail = (status: string, card: Record<string, unknown> | null, visit: Record<string, unknown> | null) => ({
    order: {
      id: 'o1',
      ref: 'A1',
      status,
      scheduledAt: '2026-11-20T02:00:00Z',
      quantity: 1,
      amountFen: 2000,
      subsidyFen: 2000,
      subsidyMinutes: 0,
      selfPaidFen: 0,
      service: { code: 'HP_HAIRCUT', name: '上门理发', unit: 'PER_VISIT' },
      caregiver: card ? { name: card.name } : null,
      rating: null,
      note: null,
      cancelReason: null,
      createdAt: '2026-11-18T02:00:00Z',
      elder: { id: 'e1', name: '张桂兰', enrolment: { policy: { code: 'HUANGPI_2020' } } },
      provider: { name: '颐康服务中心' },
      visit,
      caregiverCard: card,
      reschedules: [],
    },
    complaints: { edges: [] },
  });

  it('shows the caregiver with rating and a one-tap call, and the steps done so far', async () => {
    signIn('tok', { id: 'u1', role: 'FAMILY', displayName: '李明' });
    router.params = { id: 'o1' };
    const card = {
      name: '王芳',
      staffNo: 'HPP01-001',
      photoUrl: null,
      phone: '13900001111',
      phoneNote: null,
      ratingAverage: 4.8,
      ratingCount: 12,
    };
    answers.set('OrderDetail', () => {
      const d = detail('IN_SERVICE', card, {
        checkInAt: '2026-11-20T02:03:00Z',
        checkOutAt: null,
        durationMinutes: null,
        photoUrls: [],
      });
      return { ...d, order: { ...d.order, departedAt: '2026-11-20T01:40:00Z' } };
    });
    answers.set('ServiceGuide', () => ({ serviceGuide: [] }));
    const { container } = render(<OrderDetail />);
    await waitFor(() => expect(container.querySelector('#caregiver-name')?.textContent).toBe('王芳'));
    expect(container.querySelector('#caregiver-rating')!.textContent).toBe('评分 4.8 星（12 次评价）');
    const done = [...container.querySelectorAll('#progress .step.done')].map((s) => s.textContent);
    expect(done.join('|')).toContain('已派单');
    expect(done.join('|')).toContain('已到达');
    // 已出发 with the time the caregiver tapped 出发 (09:40 in Shanghai), then arrival at 10:03.
    const departed = [...container.querySelectorAll('#progress .step')].find((s) => s.textContent!.includes('已出发'));
    expect(departed!.className).toContain('done');
    expect(departed!.textContent).toContain('09:40');
    expect(done.findIndex((t) => t!.includes('已出发'))).toBeLessThan(done.findIndex((t) => t!.includes('已到达')));
    expect(container.querySelector('#caregiver-staff-no')!.textContent).toBe('工号 HPP01-001');
    expect(container.querySelector('#progress .step.current')!.textContent).toContain('服务中');
    expect(container.querySelector('#progress .step:not(.done)')!.textContent).toContain('已完成');
    await act(async () => fireEvent.click(container.querySelector('#call-caregiver')!));
    expect(vi.mocked(Taro.makePhoneCall)).toHaveBeenCalledWith({ phoneNumber: '13900001111' });
  });

  it('asks the provider for another caregiver with a reason, before the visit starts', async () => {
    signIn('tok', { id: 'u1', role: 'FAMILY', displayName: '李明' });
    router.params = { id: 'o1' };
    const card = { name: '王芳', phone: '13900001111', phoneNote: null, ratingAverage: null, ratingCount: 0 };
    answers.set('OrderDetail', () => detail('ASSIGNED', card, null));
    answers.set('ServiceGuide', () => ({ serviceGuide: [] }));
    answers.set('RequestCaregiverChange', ({ orderId, reason }) => ({
      requestCaregiverChange: { orderId, requestedAt: '2026-11-18T02:00:00Z', alreadyRequested: !reason, notified: 1 },
    }));
    const { container } = render(<OrderDetail />);
    await waitFor(() => expect(container.querySelector('#change-caregiver-open')).not.toBeNull());
    await act(async () => fireEvent.click(container.querySelector('#change-caregiver-open')!));
    expect(container.querySelector('#change-caregiver-confirm')!.hasAttribute('disabled')).toBe(true);
    await act(async () => fireEvent.click(container.querySelectorAll('#change-reasons .chip')[1]!));
    await act(async () => fireEvent.click(container.querySelector('#change-caregiver-confirm')!));
    await waitFor(() => expect(container.querySelector('#change-caregiver-sent')).not.toBeNull());
    expect(container.querySelector('#change-caregiver-sent')!.textContent).toBe('已通知服务机构换一位护理员。');
    const sent = requests.filter((r) => r.data.query.includes('requestCaregiverChange('));
    expect(sent.map((r) => r.data.variables)).toEqual([{ orderId: 'o1', reason: '上次服务不满意' }]);
  });

  it('without a phone (visit over) says why, and before assignment says what comes', async () => {
    signIn('tok', { id: 'u1', role: 'FAMILY', displayName: '李明' });
    router.params = { id: 'o1' };
    const card = {
      name: '王芳',
      phone: null,
      phoneNote: '服务结束或取消后不再显示护理员电话；如需联系，请找服务机构。',
      ratingAverage: null,
      ratingCount: 0,
    };
    answers.set('OrderDetail', () => detail('CANCELLED', card, null));
    answers.set('ServiceGuide', () => ({ serviceGuide: [] }));
    const { container, unmount } = render(<OrderDetail />);
    await waitFor(() => expect(container.querySelector('#caregiver-phone-note')).not.toBeNull());
    expect(container.querySelector('#call-caregiver')).toBeNull();
    expect(container.querySelector('#caregiver-rating')!.textContent).toBe('还没有评价');
    expect(container.querySelector('#progress-cancelled')).not.toBeNull();
    unmount();
    answers.set('OrderDetail', () => detail('PLACED', null, null));
    const next = render(<OrderDetail />);
    await waitFor(() => expect(next.container.querySelector('#caregiver-pending')).not.toBeNull());
  });
});

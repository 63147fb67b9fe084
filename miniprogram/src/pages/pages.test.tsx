// Pages against a recorded GraphQL exchange: what they send, what they show, where they go.
// The same flows run against a real server in a real browser in test/miniprogram/h5.test.ts.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getState, resetStore, signIn, setState } from '../lib/store';
import { answers, navigations, requests, resetTaro, router } from '../testing/taro';
import { PRIVACY_VERSION } from '../components/PrivacyConsent';
import Login from './login/index';
import Order, { nextDays } from './order/index';
import Orders from './orders/index';

const typeInto = (el: Element, value: string) => fireEvent.input(el, { target: { value }, detail: { value } });
const sent = (name: string) =>
  requests.filter(
    (r) => r.data.query.includes(`${name}(`) || new RegExp(`(query|mutation) ${name}\\b`).test(r.data.query),
  );

beforeEach(() => {
  resetTaro();
  resetStore();
});
afterEach(cleanup);

describe('login (H5)', () => {
  it('asks for a code, shows the sandbox code labelled as such, logs in and goes home', async () => {
    answers.set('RequestLoginCode', ({ phone }) => ({
      requestLoginCode: {
        phone,
        expiresAt: '2026-11-28T12:05:00Z',
        resendAt: '2026-11-28T12:01:00Z',
        sandboxCode: '482913',
      },
    }));
    answers.set('PhoneLogin', ({ code }) =>
      code === '482913'
        ? {
            phoneLogin: {
              token: 'tok',
              expiresAt: '2026-12-05T12:00:00Z',
              user: { id: 'u1', role: 'FAMILY', displayName: '李明' },
            },
          }
        : Object.assign(new Error('验证码不正确'), { code: 'BAD_USER_INPUT' }),
    );
    const { container } = render(<Login />);
    typeInto(container.querySelector('#phone input') ?? container.querySelector('#phone')!, '13800138000');
    await act(async () => fireEvent.click(container.querySelector('#privacy-consent')!));
    await act(async () => fireEvent.click(container.querySelector('#send-code')!));
    await waitFor(() => expect(container.querySelector('#sandbox-code')?.textContent).toContain('482913'));
    expect(container.querySelector('#sandbox-code')!.textContent).toContain('演示环境');
    expect(sent('RequestLoginCode')[0]!.data.variables).toEqual({ phone: '13800138000' });

    typeInto(container.querySelector('#code input') ?? container.querySelector('#code')!, '111111');
    await act(async () => fireEvent.click(container.querySelector('#login')!));
    await waitFor(() => expect(container.querySelector('[role=alert]')?.textContent).toBe('验证码不正确'));
    expect(getState().token).toBeNull();

    typeInto(container.querySelector('#code input') ?? container.querySelector('#code')!, '482913');
    await act(async () => fireEvent.click(container.querySelector('#login')!));
    await waitFor(() => expect(getState().token).toBe('tok'));
    expect(navigations[navigations.length - 1]).toEqual({ kind: 'reLaunch', url: '/pages/index/index' });
  });
});

describe('login: consent, countdown, large by default (issue 25)', () => {
  it('starts large, asks for the privacy consent before any code is sent, and remembers it', async () => {
    const { container } = render(<Login />);
    // Nobody has logged in on this device: the visitor may be the elder.
    expect(container.querySelector('[data-testid=page]')!.className).toContain('large');
    expect(container.querySelector('#privacy')!.textContent).toContain('健康和自理能力评估（敏感个人信息）');
    expect(container.querySelector('#privacy')!.textContent).toContain('申请删除和撤回同意');
    expect(container.querySelector('#consent-needed')).not.toBeNull();
    expect(container.querySelector('#send-code')!.hasAttribute('disabled')).toBe(true);
    await act(async () => fireEvent.click(container.querySelector('#send-code')!));
    expect(sent('RequestLoginCode')).toHaveLength(0);
    await act(async () => fireEvent.click(container.querySelector('#privacy-consent')!));
    expect(container.querySelector('#privacy-consent')!.getAttribute('aria-checked')).toBe('true');
    expect(container.querySelector('#consent-needed')).toBeNull();
    expect(getState().privacyConsent).not.toBeNull();
    // A family member who chooses normal size keeps it.
    await act(async () => fireEvent.click(container.querySelector('#font-toggle')!));
    expect(container.querySelector('[data-testid=page]')!.className).not.toContain('large');
  });

  it('counts down to the resendAt the server gave before another code may be asked for', async () => {
    setState({ privacyConsent: PRIVACY_VERSION });
    answers.set('RequestLoginCode', ({ phone }) => ({
      requestLoginCode: {
        phone,
        expiresAt: new Date(Date.now() + 300_000).toISOString(),
        resendAt: new Date(Date.now() + 60_000).toISOString(),
        sandboxCode: '482913',
      },
    }));
    const { container } = render(<Login />);
    typeInto(container.querySelector('#phone input') ?? container.querySelector('#phone')!, '13800138000');
    await act(async () => fireEvent.click(container.querySelector('#send-code')!));
    await waitFor(() => expect(container.querySelector('#send-code')!.textContent).toMatch(/^(60|59) 秒后可重新获取$/));
    expect(container.querySelector('#send-code')!.hasAttribute('disabled')).toBe(true);
    await act(async () => fireEvent.click(container.querySelector('#send-code')!));
    expect(sent('RequestLoginCode')).toHaveLength(1);
  });
});

describe('ordering', () => {
  const item = {
    code: 'HP_ROOM_CLEANING',
    name: '居室保洁',
    category: '生活照料',
    mode: 'OFFLINE',
    unit: '小时',
    unitMinutes: 60,
    priceFen: 3000,
    description: '',
    standard: null,
  };
  const split = (quantity: number) => {
    const amountFen = quantity * 3000;
    const subsidyFen = Math.min(amountFen, 6000);
    const selfPaidFen = amountFen - subsidyFen;
    return {
      amountFen,
      subsidyFen,
      subsidyMinutes: 0,
      selfPaidFen,
      missingFen: Math.max(0, selfPaidFen - 1000),
      selfPaidAvailableFen: 1000,
      providerName: '颐康服务中心',
    };
  };

  beforeEach(() => {
    signIn('tok', { id: 'u1', role: 'FAMILY', displayName: '李明' });
    setState({ elderId: 'e1' });
    router.params = { code: item.code, policy: 'HUANGPI_2020' };
    answers.set('ServiceGuide', () => ({ serviceGuide: [item] }));
    answers.set('QuoteOrder', ({ input }) => ({ quoteOrder: split((input as { quantity: number }).quantity) }));
    answers.set('PlaceOrder', ({ input }) => ({
      placeOrder: {
        id: 'o1',
        ref: 'A1',
        status: 'PLACED',
        scheduledAt: (input as { scheduledAt: string }).scheduledAt,
        quantity: 1,
        amountFen: 3000,
        subsidyFen: 3000,
        subsidyMinutes: 0,
        selfPaidFen: 0,
        service: { code: item.code, name: item.name, unit: item.unit },
        caregiver: null,
        rating: null,
      },
    }));
  });

  it('shows the split for the quantity chosen, and sends the family to top up when money is short', async () => {
    const { container } = render(<Order />);
    await waitFor(() => expect(container.querySelector('#split-amount')?.textContent).toBe('30.00 元'));
    expect(container.querySelector('#split-self')!.textContent).toBe('0.00 元');
    for (let i = 0; i < 3; i++) await act(async () => fireEvent.click(container.querySelector('#qty-plus')!));
    await waitFor(() => expect(container.querySelector('#split-amount')?.textContent).toBe('120.00 元'));
    expect(container.querySelector('#split-subsidy')!.textContent).toBe('60.00 元');
    expect(container.querySelector('#split-missing')!.textContent).toContain('还差 50.00 元');
    expect(container.querySelector('#confirm-order')).toBeNull();
    await act(async () => fireEvent.click(container.querySelector('#go-topup')!));
    // The top-up page knows it came from this booking, to offer the way back (issue 25).
    expect(navigations[navigations.length - 1]).toEqual({
      kind: 'navigateTo',
      url: '/pages/topup/index?need=5000&back=order',
    });
  });

  it('books the date and time picked on the Beijing clock, with one key for a double tap', async () => {
    const { container } = render(<Order />);
    await waitFor(() => expect(container.querySelector('#confirm-order')).not.toBeNull());
    const day = nextDays()[2]!;
    await act(async () =>
      fireEvent.click([...container.querySelectorAll('#dates .chip')].find((c) => c.textContent === day.label)!),
    );
    await act(async () =>
      fireEvent.click([...container.querySelectorAll('#times .chip')].find((c) => c.textContent === '14:00')!),
    );
    await act(async () => {
      fireEvent.click(container.querySelector('#confirm-order')!);
      fireEvent.click(container.querySelector('#confirm-order')!);
    });
    await waitFor(() =>
      expect(navigations[navigations.length - 1]?.url).toBe('/pages/order-detail/index?id=o1&placed=1'),
    );
    const placed = sent('PlaceOrder').map(
      (r) =>
        r.data.variables.input as { scheduledAt: string; idempotencyKey: string; serviceCode: string; elderId: string },
    );
    expect(new Set(placed.map((p) => p.idempotencyKey)).size).toBe(1);
    expect(placed[0]).toMatchObject({
      elderId: 'e1',
      serviceCode: item.code,
      scheduledAt: new Date(`${day.value}T14:00:00+08:00`).toISOString(),
    });
  });

  it('offers a lunch only at lunchtime and stops the quantity at the per-visit maximum (issue 25)', async () => {
    const lunch = {
      ...item,
      code: 'HP_MEAL_DELIVERY',
      name: '上门送餐（午餐）',
      unit: 'PER_MEAL',
      unitMinutes: null,
      priceFen: 1000,
      bookableSlots: [{ label: '午餐', fromMinute: 630, untilMinute: 720 }],
      maxQuantityPerVisit: 2,
    };
    router.params = { code: lunch.code, policy: 'HUANGPI_2020' };
    answers.set('ServiceGuide', () => ({ serviceGuide: [lunch] }));
    const { container } = render(<Order />);
    await waitFor(() => expect(container.querySelectorAll('#times .chip')).toHaveLength(4));
    expect([...container.querySelectorAll('#times .chip')].map((c) => c.textContent)).toEqual([
      '午餐 10:30',
      '午餐 11:00',
      '午餐 11:30',
      '午餐 12:00',
    ]);
    expect(container.querySelector('#slot-rule')!.textContent).toBe('上门服务须在 午餐 10:30–12:00 之间开始。');
    expect(container.querySelector('#visit-maximum')!.textContent).toContain('一次最多 2 餐');
    await act(async () => fireEvent.click(container.querySelector('#qty-plus')!));
    await waitFor(() => expect(container.querySelector('#quantity')!.textContent).toBe('2'));
    expect(container.querySelector('#qty-plus')!.hasAttribute('disabled')).toBe(true);
    await act(async () => fireEvent.click(container.querySelector('#qty-plus')!));
    expect(container.querySelector('#quantity')!.textContent).toBe('2');
    // The form's 09:00 is no lunch time: the first window's start is what is sent.
    await waitFor(() => expect(container.querySelector('#confirm-order')).not.toBeNull());
    await act(async () => fireEvent.click(container.querySelector('#confirm-order')!));
    await waitFor(() => expect(sent('PlaceOrder')).toHaveLength(1));
    const input = sent('PlaceOrder')[0]!.data.variables.input as { scheduledAt: string; quantity: number };
    expect(input.quantity).toBe(2);
    expect(new Date(input.scheduledAt).toISOString()).toBe(
      new Date(`${nextDays()[0]!.value}T10:30:00+08:00`).toISOString(),
    );
  });

  it('offers seven days from tomorrow on the Beijing calendar, even late in the evening UTC', () => {
    // 2026-11-28 17:30 UTC is already 29 November 01:30 in Beijing.
    const days = nextDays(new Date('2026-11-28T17:30:00Z'));
    expect(days.map((d) => d.value)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(days[0]!.label).toBe('明天 11-30');
  });
});

describe('orders list', () => {
  const order = (n: number, status = 'COMPLETED') => ({
    id: `o${n}`,
    ref: `R${n}`,
    status,
    scheduledAt: '2026-11-20T02:00:00Z',
    quantity: 1,
    amountFen: 3000,
    subsidyFen: 3000,
    subsidyMinutes: 0,
    selfPaidFen: 0,
    service: { code: 'C', name: `服务${n}`, unit: 'PER_HOUR' },
    caregiver: null,
    rating: null,
  });

  it('offline, a new filter shows 重试, never the old rows; empty says what next (issue 25)', async () => {
    signIn('tok', { id: 'u1', role: 'FAMILY', displayName: '李明' });
    setState({ elderId: 'e1' });
    router.params = {};
    let offline = false;
    answers.set('Orders', ({ status }) => {
      if (offline) throw new Error('request:fail timeout');
      const edges = status ? [] : [{ node: order(1) }, { node: order(2) }];
      return { orders: { totalCount: edges.length, pageInfo: { hasNextPage: false, endCursor: null }, edges } };
    });
    const { container } = render(<Orders />);
    // Before the first answer: placeholder rows, not an empty page.
    expect(container.querySelector('#orders-loading')).not.toBeNull();
    await waitFor(() => expect(container.querySelectorAll('.order-item')).toHaveLength(2));
    expect(container.querySelector('#orders-loading')).toBeNull();

    offline = true;
    const chip = (label: string) =>
      [...container.querySelectorAll('#order-filter .chip')].find((c) => c.textContent === label)!;
    await act(async () => fireEvent.click(chip('待确认')));
    await waitFor(() => expect(container.querySelector('#orders-error')).not.toBeNull());
    expect(container.querySelectorAll('.order-item')).toHaveLength(0);
    expect(container.querySelector('#orders-retry')!.textContent).toBe('重试');

    offline = false;
    await act(async () => fireEvent.click(container.querySelector('#orders-retry')!));
    await waitFor(() => expect(container.querySelector('#orders-empty')).not.toBeNull());
    expect(container.querySelector('#orders-empty')!.textContent).toContain('没有“待确认”的订单');
    expect(sent('Orders')[sent('Orders').length - 1]!.data.variables).toMatchObject({ status: ['COMPLETED'] });
    await act(async () => fireEvent.click(container.querySelector('#orders-next')!));
    await waitFor(() => expect(container.querySelectorAll('.order-item')).toHaveLength(2));
    expect(container.querySelector('#order-filter .chip.on')!.textContent).toBe('全部');
  });

  it('opens on the status the link asked for and appends later pages on 加载更多', async () => {
    signIn('tok', { id: 'u1', role: 'FAMILY', displayName: '李明' });
    setState({ elderId: 'e1' });
    router.params = { status: 'COMPLETED' };
    answers.set('Orders', ({ after }) =>
      after
        ? { orders: { totalCount: 3, pageInfo: { hasNextPage: false, endCursor: 'c3' }, edges: [{ node: order(3) }] } }
        : {
            orders: {
              totalCount: 3,
              pageInfo: { hasNextPage: true, endCursor: 'c2' },
              edges: [{ node: order(1) }, { node: order(2) }],
            },
          },
    );
    const { container, getByText } = render(<Orders />);
    await waitFor(() => expect(container.querySelectorAll('.order-item')).toHaveLength(2));
    expect(sent('Orders')[0]!.data.variables).toMatchObject({ elderId: 'e1', status: ['COMPLETED'] });
    expect(container.querySelector('#order-filter .chip.on')!.textContent).toBe('待确认');
    await act(async () => fireEvent.click(getByText('加载更多')));
    await waitFor(() => expect(container.querySelectorAll('.order-item')).toHaveLength(3));
    expect(sent('Orders')[1]!.data.variables).toMatchObject({ after: 'c2' });
    expect(container.textContent).not.toContain('加载更多');
  });
});

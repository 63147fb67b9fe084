// Loading, empty and error states on the pages that lacked them (issue 25): home, 补贴明细, the guide
// and top-up show placeholder rows while loading, the message with a 重试 that retries, an empty
// state with the next action, and never the previous month's or elder's figures under a new choice.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetStore, setState, signIn } from '../lib/store';
import { answers, navigations, resetTaro, router } from '../testing/taro';
import Guide from './guide/index';
import Home from './index/index';
import StatementPage from './statement/index';
import TopUp from './topup/index';

beforeEach(() => {
  resetTaro();
  resetStore();
  signIn('tok', { id: 'u1', role: 'FAMILY', displayName: '李明' });
  router.params = {};
});
afterEach(cleanup);

const $ = (c: HTMLElement, sel: string) => c.querySelector(sel);
const click = (c: HTMLElement, sel: string) => act(async () => void fireEvent.click($(c, sel)!));

const statement = (month: string, paid: number) => ({
  elder: {
    id: 'e1',
    name: '张桂兰',
    enrolment: { policy: { name: '黄陂区居家养老服务' } },
    wallet: {
      statement: {
        month,
        months: ['2026-11', '2026-10'],
        governmentPaidFen: paid,
        governmentPaidMinutes: 0,
        familyPaidFen: 0,
        lapsedFen: 0,
        lapsedMinutes: 0,
        refundedFen: 0,
        toppedUpFen: 0,
        lines: [],
        topUps: [],
        refunds: [],
      },
    },
  },
});

describe('补贴明细', () => {
  it('loads with placeholders, fails with 重试 and no old month under the new one, and says what next', async () => {
    setState({ elderId: 'e1' });
    let offline = false;
    answers.set('WalletStatement', ({ month }) => {
      if (offline) throw new Error('request:fail timeout');
      return month === '2026-10' ? statement('2026-10', 4500) : statement('2026-11', 12000);
    });
    const { container } = render(<StatementPage />);
    expect($(container, '#statement-loading')).not.toBeNull();
    await waitFor(() => expect($(container, '#government-paid')?.textContent).toContain('120.00'));
    // A month with no lines: what to do next.
    expect($(container, '#statement-lines-empty')!.textContent).toContain('这个月没有收支');
    await click(container, '#statement-lines-next');
    expect(navigations).toContainEqual({ kind: 'navigateTo', url: '/pages/guide/index' });

    offline = true;
    const chip = [...container.querySelectorAll('#months .chip')].find((c) => c.textContent === '2026年10月')!;
    await act(async () => void fireEvent.click(chip));
    await waitFor(() => expect($(container, '#statement-error')).not.toBeNull());
    expect($(container, '#government-paid')).toBeNull();
    offline = false;
    await click(container, '#statement-retry');
    await waitFor(() => expect($(container, '#government-paid')?.textContent).toContain('45.00'));
    expect($(container, '#statement-month')!.textContent).toBe('2026年10月');
  });

  it('without an elder, sends the family home to choose one', async () => {
    const { container } = render(<StatementPage />);
    await waitFor(() => expect($(container, '#statement-empty')).not.toBeNull());
    await click(container, '#statement-next');
    expect(navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/index/index' });
  });
});

describe('home', () => {
  it('shows placeholders, then 重试 when it failed, then the way to link an elder when there is none', async () => {
    let offline = true;
    answers.set('MyElders', () => {
      if (offline) throw new Error('request:fail timeout');
      return { elders: { edges: [] }, notices: { totalCount: 0 } };
    });
    const { container } = render(<Home />);
    expect($(container, '#home-loading')).not.toBeNull();
    await waitFor(() => expect($(container, '#home-error')).not.toBeNull());
    offline = false;
    await click(container, '#home-retry');
    await waitFor(() => expect($(container, '#home-empty')?.textContent).toContain('还没有关联老人'));
    await click(container, '#home-next');
    expect(navigations).toContainEqual({ kind: 'navigateTo', url: '/pages/link/index' });
  });
});

describe('guide', () => {
  it('fails with 重试, and a programme without items says so with a way home', async () => {
    setState({ elderId: 'e1' });
    let offline = true;
    answers.set('ElderHome', () => ({ elder: { enrolment: { policy: { code: 'HUANGPI_2020' } } } }));
    answers.set('HelpDesk', () => ({ helpDesk: { actions: [] } }));
    answers.set('ServiceGuide', () => {
      if (offline) throw new Error('request:fail timeout');
      return { serviceGuide: [] };
    });
    const { container } = render(<Guide />);
    expect($(container, '#guide-loading')).not.toBeNull();
    await waitFor(() => expect($(container, '#guide-error')).not.toBeNull());
    offline = false;
    await click(container, '#guide-retry');
    await waitFor(() => expect($(container, '#guide-empty')?.textContent).toContain('还没有公布服务项目'));
    await click(container, '#guide-next');
    expect(navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/index/index' });
  });
});

describe('top-up', () => {
  it('shows no balance until the server gave one: placeholders, 重试, then the balance', async () => {
    setState({ elderId: 'e1' });
    let offline = true;
    answers.set('ElderHome', () => {
      if (offline) throw new Error('request:fail timeout');
      return { elder: { id: 'e1', name: '张桂兰', wallet: { accounts: [{ kind: 'SELF_PAID', available: 2345 }] } } };
    });
    const { container } = render(<TopUp />);
    expect($(container, '#topup-loading')).not.toBeNull();
    expect($(container, '#self-paid-balance')).toBeNull();
    await waitFor(() => expect($(container, '#topup-error')).not.toBeNull());
    expect($(container, '#self-paid-balance')).toBeNull();
    offline = false;
    await click(container, '#topup-retry');
    await waitFor(() => expect($(container, '#self-paid-balance')?.textContent).toContain('23.45'));
  });
});

// The small parts every page leans on: the payment split, stars, and the large-font switch.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getState, resetStore, signIn } from '../lib/store';
import { resetTaro } from '../testing/taro';
import { FontToggle } from './FontToggle';
import { Page } from './Page';
import { ReasonPicker } from './ReasonPicker';
import { Split, type Quote } from './Split';
import { Stars } from './Stars';

const quote = (q: Partial<Quote>): Quote => ({
  amountFen: 9000,
  subsidyFen: 6000,
  subsidyMinutes: 0,
  selfPaidFen: 3000,
  missingFen: 0,
  selfPaidAvailableFen: 5000,
  providerName: '黄陂区颐康居家养老服务中心',
  ...q,
});

beforeEach(() => {
  resetTaro();
  resetStore();
});
afterEach(cleanup);

describe('Split', () => {
  it('shows the total, what subsidy pays and what the family pays, in 元', () => {
    const { container } = render(<Split quote={quote({})} />);
    expect(container.querySelector('#split-amount')!.textContent).toBe('90.00 元');
    expect(container.querySelector('#split-subsidy')!.textContent).toBe('60.00 元');
    expect(container.querySelector('#split-self')!.textContent).toBe('30.00 元');
    expect(container.querySelector('#split-missing')).toBeNull();
  });

  it('shows subsidy hours for an hours programme and what is missing when the balance is short', () => {
    const { container } = render(
      <Split
        quote={quote({
          subsidyMinutes: 90,
          subsidyFen: 4500,
          selfPaidFen: 4500,
          missingFen: 2500,
          selfPaidAvailableFen: 2000,
        })}
      />,
    );
    expect(container.querySelector('#split-subsidy')!.textContent).toBe('1.5 小时（折合 45.00 元）');
    expect(container.querySelector('#split-missing')!.textContent).toContain('还差 25.00 元');
    expect(container.querySelector('#split-missing')!.textContent).toContain('自费余额 20.00 元');
  });
});

describe('Stars', () => {
  it('reports the star tapped, and marks as many as the value', () => {
    const picked = vi.fn();
    const { container } = render(<Stars value={2} onChange={picked} />);
    const stars = container.querySelectorAll('.star');
    expect(stars).toHaveLength(5);
    expect([...stars].map((s) => s.classList.contains('on'))).toEqual([true, true, false, false, false]);
    fireEvent.click(stars[3]!);
    expect(picked).toHaveBeenCalledWith(4);
  });
});

describe('large-font mode', () => {
  const pageRoot = () => screen.getByTestId('page');

  it('is on by default for an elder and off for a family member', () => {
    signIn('t', { id: '1', role: 'ELDER', displayName: '王秀英' });
    const { unmount } = render(
      <Page>
        <FontToggle />
      </Page>,
    );
    expect(pageRoot().classList.contains('large')).toBe(true);
    unmount();
    signIn('t', { id: '2', role: 'FAMILY', displayName: '李明' });
    render(
      <Page>
        <FontToggle />
      </Page>,
    );
    expect(pageRoot().classList.contains('large')).toBe(false);
  });

  it('toggles for everyone and is remembered across a restart', async () => {
    signIn('t', { id: '2', role: 'FAMILY', displayName: '李明' });
    const { container, unmount } = render(
      <Page>
        <FontToggle />
      </Page>,
    );
    const toggle = container.querySelector('#font-toggle')!;
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await act(async () => fireEvent.click(toggle));
    expect(pageRoot().classList.contains('large')).toBe(true);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    unmount();
    // A new launch reads the stored choice; an elder who turned it off keeps it off.
    resetStore({ keepStorage: true });
    expect(getState().largeFont).toBe(true);
    signIn('t', { id: '1', role: 'ELDER', displayName: '王秀英' });
    render(
      <Page>
        <FontToggle />
      </Page>,
    );
    await act(async () => fireEvent.click(document.querySelector('#font-toggle')!));
    resetStore({ keepStorage: true });
    expect(getState().largeFont).toBe(false);
  });

  it('sends a visitor with no session to the login page, but not from the login page itself', async () => {
    const { navigations } = await import('../testing/taro');
    const { unmount } = render(
      <Page>
        <FontToggle />
      </Page>,
    );
    expect(navigations).toEqual([{ kind: 'reLaunch', url: '/pages/login/index' }]);
    unmount();
    navigations.length = 0;
    render(
      <Page requireLogin={false}>
        <FontToggle />
      </Page>,
    );
    expect(navigations).toEqual([]);
  });
});

describe('ReasonPicker', () => {
  it('keeps the confirm button off until a reason is picked, then sends that reason once', async () => {
    const sent: string[] = [];
    const { container } = render(
      <ReasonPicker
        id="reasons"
        reasons={['行程有变', '约错了时间']}
        prompt="请选择原因："
        busy={false}
        confirmId="confirm"
        confirmLabel="确认"
        onConfirm={(r) => sent.push(r)}
      />,
    );
    const confirm = container.querySelector('#confirm')!;
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await act(async () => fireEvent.click(confirm));
    expect(sent).toEqual([]);
    await act(async () => fireEvent.click(screen.getByText('约错了时间')));
    expect(screen.getByText('约错了时间').getAttribute('aria-checked')).toBe('true');
    expect(container.querySelector('#confirm')!.hasAttribute('disabled')).toBe(false);
    await act(async () => fireEvent.click(container.querySelector('#confirm')!));
    expect(sent).toEqual(['约错了时间']);
  });
});

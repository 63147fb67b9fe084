// Session and preferences, kept in Taro storage (localStorage on H5, wx storage on weapp) and
// observable by components through useStore.
import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { wechatFontScale } from './platform';

export interface SessionUser {
  id: string;
  role: string;
  displayName: string;
}

export interface State {
  token: string | null;
  user: SessionUser | null;
  elderId: string | null;
  /** null: not chosen yet, so the role decides (elders get large font by default). */
  largeFont: boolean | null;
  /** The version of the privacy notice (components/PrivacyConsent) agreed on this device, or null. */
  privacyConsent: string | null;
}

const KEY = 'yilian.state.v1';
const listeners = new Set<() => void>();

function load(): State {
  try {
    const raw = Taro.getStorageSync(KEY);
    if (raw)
      return {
        token: null,
        user: null,
        elderId: null,
        largeFont: null,
        privacyConsent: null,
        ...(typeof raw === 'string' ? JSON.parse(raw) : raw),
      };
  } catch {
    // Unreadable storage is an empty session.
  }
  return { token: null, user: null, elderId: null, largeFont: null, privacyConsent: null };
}

let state: State = load();

export function getState(): State {
  return state;
}

export function setState(patch: Partial<State>) {
  state = { ...state, ...patch };
  Taro.setStorageSync(KEY, JSON.stringify(state));
  for (const l of listeners) l();
}

export function signIn(token: string, user: SessionUser) {
  setState({ token, user, elderId: null });
}

export function signOut() {
  setState({ token: null, user: null, elderId: null });
}

/**
 * Large font: the user's own choice if made, else on for elders and for a large WeChat font. Before
 * anyone has logged in the visitor may be the elder, so the login page starts large (issue 25).
 */
export function isLargeFont(s: State = state): boolean {
  if (s.largeFont !== null) return s.largeFont;
  return !s.user || s.user.role === 'ELDER' || wechatFontScale() >= 1.15;
}

export function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useStore<T>(select: (s: State) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => select(state),
    () => select(state),
  );
}

/** For tests: a fresh install, or with keepStorage a fresh launch reading what was stored. */
export function resetStore({ keepStorage = false } = {}) {
  if (!keepStorage) Taro.removeStorageSync(KEY);
  state = load();
  for (const l of listeners) l();
}

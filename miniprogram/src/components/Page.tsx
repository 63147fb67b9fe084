import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, type PropsWithChildren } from 'react';
import { wechatFontScale } from '../lib/platform';
import { isLargeFont, useStore } from '../lib/store';

/**
 * Every page's root: applies large-font mode (tokens in app.css) and WeChat's own font size, and
 * sends a visitor without a session to the login page.
 */
export function Page({ children, requireLogin = true }: PropsWithChildren<{ requireLogin?: boolean }>) {
  const large = useStore(isLargeFont);
  const token = useStore((s) => s.token);
  useEffect(() => {
    if (requireLogin && !token) void Taro.reLaunch({ url: '/pages/login/index' });
  }, [requireLogin, token]);
  const scale = wechatFontScale();
  return (
    <View
      className={`page${large ? ' large' : ''}`}
      style={scale !== 1 ? ({ '--scale': String(scale) } as never) : undefined}
      data-testid="page"
    >
      {children}
    </View>
  );
}

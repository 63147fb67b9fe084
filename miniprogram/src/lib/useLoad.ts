import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads on mount, each time the page is shown again (after ordering, paying, rating) and when
 * `deps` change. What it returns always belongs to the current `deps`: after a change (another
 * filter) the last answer is not shown while the new one loads or when it fails (issue 25: offline,
 * the orders list showed the old filter's rows under the new one); a reload under the same `deps`
 * keeps the rows on screen.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const key = JSON.stringify(deps);
  const [data, setData] = useState<{ key: string; value: T } | null>(null);
  const [error, setError] = useState<{ key: string; error: unknown } | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const run = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await load();
      if (mine === seq.current) {
        setData({ key, value });
        setError(null);
      }
    } catch (err) {
      if (mine === seq.current) setError({ key, error: err });
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void run();
    shown.current = true;
  });
  const current = data?.key === key ? data.value : null;
  return {
    data: current,
    error: error?.key === key ? error.error : null,
    // Loading with nothing of these deps to show yet (the state a skeleton stands for).
    loading: loading || (current === null && error?.key !== key && data?.key !== key),
    reload: run,
  };
}

import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * What a list shows while it is not a list (issue 25): grey placeholder rows while the first answer
 * is on its way, the server's or the network's message with 重试 when it failed, and when it is
 * empty, what to do next. Never an empty page and never the last filter's rows.
 */
export function LoadState({
  id,
  loading,
  error,
  empty,
  retry,
  emptyText,
  action,
}: {
  id: string;
  loading: boolean;
  error: unknown;
  /** Loaded and nothing in it. */
  empty: boolean;
  retry: () => unknown;
  emptyText: string;
  action?: { label: string; onClick: () => unknown };
}): ReactNode {
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    return (
      <View className="card state" id={`${id}-error`} role="alert">
        <Text className="error" style={{ display: 'block' }}>
          {message}
        </Text>
        <Button className="btn block" id={`${id}-retry`} onClick={() => void retry()}>
          重试
        </Button>
      </View>
    );
  }
  if (loading)
    return (
      <View id={`${id}-loading`} aria-busy="true" aria-label="正在加载">
        {[0, 1, 2].map((i) => (
          <View key={i} className="card skeleton">
            <View className="skeleton-line" />
            <View className="skeleton-line short" />
          </View>
        ))}
      </View>
    );
  if (!empty) return null;
  return (
    <View className="card state" id={`${id}-empty`}>
      <Text className="muted" style={{ display: 'block' }}>
        {emptyText}
      </Text>
      {action ? (
        <Button className="btn primary block" id={`${id}-next`} onClick={() => void action.onClick()}>
          {action.label}
        </Button>
      ) : null}
    </View>
  );
}

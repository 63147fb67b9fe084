import { Text, View } from '@tarojs/components';

/** A refused action's message as the server worded it (Chinese, for the family). */
export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <View role="alert">
      <Text className="error">{message}</Text>
    </View>
  );
}

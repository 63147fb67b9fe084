import { Text } from '@tarojs/components';

export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Text className='error' role='alert'>
      {message}
    </Text>
  );
}

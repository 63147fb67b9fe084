import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { signOut } from '../lib/store';

/** The first line of each home page: who is signed in, and 退出 back to the login page. */
export function Greeting({ name }: { name?: string | null }) {
  return (
    <View className="row">
      <Text className="title">您好，{name}</Text>
      <Button
        className="btn"
        onClick={() => {
          signOut();
          void Taro.reLaunch({ url: '/pages/login/index' });
        }}
      >
        退出
      </Button>
    </View>
  );
}

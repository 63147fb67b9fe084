import { Switch, Text, View } from '@tarojs/components';
import { isLargeFont, setState, useStore } from '../lib/store';

/** 大字模式: remembered on the device; elders start with it on. */
export function FontToggle() {
  const large = useStore(isLargeFont);
  return (
    <View className='row card' id='font-toggle'>
      <Text>大字模式</Text>
      <Switch checked={large} aria-label='大字模式' onChange={(e) => setState({ largeFont: !!e.detail.value })} />
    </View>
  );
}

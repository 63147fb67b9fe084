import { Text, View } from '@tarojs/components';
import { isLargeFont, setState, useStore } from '../lib/store';

/**
 * 大字模式: remembered on the device; elders start with it on. A whole-row tap target rather than
 * the platform switch, which is too small for the people who need it most.
 */
export function FontToggle() {
  const large = useStore(isLargeFont);
  return (
    <View
      className="row card toggle"
      id="font-toggle"
      role="switch"
      aria-checked={large}
      aria-label="大字模式"
      onClick={() => setState({ largeFont: !large })}
    >
      <Text>大字模式</Text>
      <Text className={`pill${large ? ' on' : ''}`}>{large ? '已开启' : '已关闭'}</Text>
    </View>
  );
}

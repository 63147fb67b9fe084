import { View } from '@tarojs/components';

/** Big tap-target choices instead of pickers: easier for elders, and the same on weapp and H5. */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  id,
}: {
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (v: T) => void;
  id?: string;
}) {
  return (
    <View className="chips" id={id}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`chip${o.value === value ? ' on' : ''}`}
          role="radio"
          aria-checked={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}

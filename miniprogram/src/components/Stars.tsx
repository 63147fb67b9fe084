import { View } from '@tarojs/components';

/** 1–5 stars; each star is a full tap target. */
export function Stars({ value, onChange }: { value: number; onChange?: (n: number) => void }) {
  return (
    <View className="row" style={{ justifyContent: 'flex-start' }} role="radiogroup" aria-label="评分">
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={`star${n <= value ? ' on' : ''}`}
          role="radio"
          aria-checked={n === value}
          aria-label={`${n} 星`}
          onClick={() => onChange?.(n)}
        >
          ★
        </View>
      ))}
    </View>
  );
}

import { Button, Text, View } from '@tarojs/components';
import { dateTime } from '../lib/format';
import { phoneCall } from '../lib/platform';
import { Photos } from './Photos';

interface Card {
  name: string;
  staffNo?: string | null;
  photoUrl?: string | null;
  phone?: string | null;
  phoneNote?: string | null;
  ratingAverage?: number | null;
  ratingCount: number;
}

interface Progress {
  status: string;
  createdAt: string;
  /** When the caregiver tapped 出发 in the caregiver app. */
  departedAt?: string | null;
  visit?: { checkInAt?: string | null; checkOutAt?: string | null } | null;
}

/**
 * Where the visit stands, step by step (issue 25): 已下单 → 已派单 → 已出发 → 已到达 → 服务中 → 已完成,
 * each with its time where one is recorded: 出发 in the caregiver app, check-in at the door (arrival
 * and the start of service), check-out. Assignment keeps no time of its own.
 */
export function steps(o: Progress): { label: string; done: boolean; current: boolean; at: string | null }[] {
  const assigned = ['ASSIGNED', 'IN_SERVICE', 'COMPLETED', 'CONFIRMED'].includes(o.status);
  const arrived = !!o.visit?.checkInAt;
  const finished = !!o.visit?.checkOutAt || ['COMPLETED', 'CONFIRMED'].includes(o.status);
  const list = [
    { label: '已下单', done: true, at: o.createdAt },
    { label: '已派单', done: assigned, at: null },
    // A caregiver who checked in without tapping 出发 has still set off: the step is done, without a time.
    { label: '已出发', done: !!o.departedAt || arrived, at: o.departedAt ?? null },
    { label: '已到达', done: arrived, at: o.visit?.checkInAt ?? null },
    { label: '服务中', done: arrived, at: o.visit?.checkInAt ?? null },
    {
      label: o.status === 'CONFIRMED' ? '已完成（已确认）' : '已完成',
      done: finished,
      at: o.visit?.checkOutAt ?? null,
    },
  ];
  const last = list.map((s) => s.done).lastIndexOf(true);
  return list.map((s, i) => ({ ...s, current: i === last }));
}

/** The order's progress and its caregiver: photo, name, 工号, rating, and one tap to call while the visit is on. */
export function CaregiverCard({ order, card }: { order: Progress; card: Card | null | undefined }) {
  return (
    <View className="card" id="caregiver-card">
      <Text className="field">服务进度</Text>
      {order.status === 'CANCELLED' ? (
        <Text className="warn" id="progress-cancelled">
          已取消
        </Text>
      ) : (
        <View id="progress">
          {steps(order).map((s) => (
            <View key={s.label} className={`kv step${s.done ? ' done' : ''}${s.current ? ' current' : ''}`}>
              <Text>{`${s.done ? '✓' : '○'} ${s.label}`}</Text>
              <Text className="small nowrap">{s.at ? dateTime(s.at) : ''}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className="field">护理员</Text>
      {card ? (
        <>
          <View className="row caregiver-head">
            {card.photoUrl ? <Photos urls={[card.photoUrl]} id="caregiver-photo" /> : null}
            <View className="grow">
              <Text className="big" id="caregiver-name" style={{ display: 'block' }}>
                {card.name}
              </Text>
              {card.staffNo ? (
                <Text className="small" id="caregiver-staff-no" style={{ display: 'block' }}>
                  {`工号 ${card.staffNo}`}
                </Text>
              ) : null}
            </View>
          </View>
          <Text className="small" id="caregiver-rating" style={{ display: 'block' }}>
            {card.ratingAverage != null
              ? `评分 ${card.ratingAverage.toFixed(1)} 星（${card.ratingCount} 次评价）`
              : '还没有评价'}
          </Text>
          {card.phone ? (
            <Button className="btn primary block" id="call-caregiver" onClick={() => void phoneCall(card.phone!)}>
              {`打电话给${card.name}`}
            </Button>
          ) : card.phoneNote ? (
            <Text className="small" id="caregiver-phone-note" style={{ display: 'block' }}>
              {card.phoneNote}
            </Text>
          ) : null}
        </>
      ) : (
        <Text className="muted" id="caregiver-pending" style={{ display: 'block' }}>
          服务机构派单后，这里会显示护理员和联系电话。
        </Text>
      )}
    </View>
  );
}

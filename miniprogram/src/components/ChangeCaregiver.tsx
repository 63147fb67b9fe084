import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { gql } from '../api/client';
import { RequestCaregiverChangeDocument } from '../api/generated';
import { type OrderActionProps, ReasonPicker } from './ReasonPicker';

const REASONS = ['想换一位同性别的护理员', '上次服务不满意', '沟通不方便', '时间总是对不上'] as const;

/**
 * 换一位护理员 (issue 25): before the visit starts, the family asks the provider for someone else in
 * one tap with a reason; the provider reassigns and the order shows the new caregiver. Asking again
 * does not send the request twice (the server says it was already asked).
 */
export function ChangeCaregiver({ orderId, busy, act }: OrderActionProps) {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState<string | null>(null);
  return (
    <View className="card" id="change-caregiver">
      <Text className="title">换一位护理员</Text>
      <Text style={{ display: 'block' }}>
        服务开始前可以请服务机构换人，机构会重新派单；换好后这里会显示新的护理员。
      </Text>
      {asked ? (
        <Text className="ok" id="change-caregiver-sent" style={{ display: 'block' }}>
          {asked}
        </Text>
      ) : open ? (
        <ReasonPicker
          id="change-reasons"
          reasons={REASONS}
          busy={busy}
          confirmId="change-caregiver-confirm"
          confirmLabel="请机构换一位"
          onConfirm={(reason) =>
            act(async () => {
              const r = (await gql(RequestCaregiverChangeDocument, { orderId, reason })).requestCaregiverChange;
              setAsked(r.alreadyRequested ? '已经申请过换人，服务机构正在安排。' : '已通知服务机构换一位护理员。');
            }, '已申请')
          }
        />
      ) : (
        <Button className="btn block" id="change-caregiver-open" onClick={() => setOpen(true)}>
          换一位护理员
        </Button>
      )}
    </View>
  );
}

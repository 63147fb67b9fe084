import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { gql } from '../api/client';
import { CancelOrderDocument } from '../api/generated';
import { type OrderActionProps, ReasonPicker } from './ReasonPicker';

const REASONS = ['行程有变', '老人身体不适', '已不需要这次服务', '约错了时间'] as const;

/**
 * Cancelling before the visit starts (the server refuses once the caregiver has checked in): the
 * family picks a reason in one tap, and what was held for the order goes back to the balance.
 */
export function CancelOrder({ orderId, busy, act }: OrderActionProps) {
  const [open, setOpen] = useState(false);
  return (
    <View className="card" id="cancel">
      <Text className="title">取消预约</Text>
      <Text style={{ display: 'block' }}>
        护理员签到开始服务前都可以取消，不收费用；为这次服务冻结的补贴和自费金额会退回可用余额。
      </Text>
      {open ? (
        <ReasonPicker
          id="cancel-reasons"
          reasons={REASONS}
          prompt="请选择取消原因："
          busy={busy}
          confirmId="cancel-confirm"
          confirmLabel="确认取消这次服务"
          onConfirm={(reason) => act(() => gql(CancelOrderDocument, { orderId, reason }), '已取消')}
        />
      ) : (
        <Button className="btn block" id="cancel-open" onClick={() => setOpen(true)}>
          取消这次预约
        </Button>
      )}
    </View>
  );
}

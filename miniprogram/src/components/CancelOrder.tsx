import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { gql } from '../api/client';
import { CancelOrderDocument } from '../api/generated';
import { Chips } from './Chips';

const REASONS = ['行程有变', '老人身体不适', '已不需要这次服务', '约错了时间'] as const;

/**
 * Cancelling before the visit starts (the server refuses once the caregiver has checked in): the
 * family picks a reason in one tap, and what was held for the order goes back to the balance.
 */
export function CancelOrder({
  orderId,
  busy,
  act,
}: {
  orderId: string;
  busy: boolean;
  act: (fn: () => Promise<unknown>, done: string) => unknown;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof REASONS)[number] | null>(null);
  return (
    <View className="card" id="cancel">
      <Text className="title">取消预约</Text>
      <Text style={{ display: 'block' }}>
        护理员签到开始服务前都可以取消，不收费用；为这次服务冻结的补贴和自费金额会退回可用余额。
      </Text>
      {open ? (
        <>
          <Text className="small" style={{ display: 'block' }}>
            请选择取消原因：
          </Text>
          <Chips
            id="cancel-reasons"
            options={REASONS.map((r) => ({ value: r, label: r }))}
            value={reason}
            onChange={setReason}
          />
          <Button
            className="btn block"
            id="cancel-confirm"
            disabled={busy || !reason}
            onClick={() => act(() => gql(CancelOrderDocument, { orderId, reason: reason! }), '已取消')}
          >
            确认取消这次服务
          </Button>
        </>
      ) : (
        <Button className="btn block" id="cancel-open" onClick={() => setOpen(true)}>
          取消这次预约
        </Button>
      )}
    </View>
  );
}

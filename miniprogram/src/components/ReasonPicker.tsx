import { Button, Text } from '@tarojs/components';
import { useState } from 'react';
import { Chips } from './Chips';

/**
 * What the order page gives each of its action cards (cancel, another caregiver, reschedule): the
 * order, whether a request is in flight, and `act`, which runs one and says `done` when it lands.
 */
export type OrderActionProps = {
  orderId: string;
  busy: boolean;
  act: (fn: () => Promise<unknown>, done: string) => unknown;
};

/**
 * A reason in one tap, then one confirm button that waits for it (cancelling an order, asking for
 * another caregiver): chips rather than a text box, so an elder never has to type.
 */
export function ReasonPicker<T extends string>({
  id,
  reasons,
  prompt,
  busy,
  confirmId,
  confirmLabel,
  onConfirm,
}: {
  /** The chips' id. */
  id: string;
  reasons: readonly T[];
  prompt?: string;
  busy: boolean;
  confirmId: string;
  confirmLabel: string;
  onConfirm: (reason: T) => unknown;
}) {
  const [reason, setReason] = useState<T | null>(null);
  return (
    <>
      {prompt ? (
        <Text className="small" style={{ display: 'block' }}>
          {prompt}
        </Text>
      ) : null}
      <Chips id={id} options={reasons.map((r) => ({ value: r, label: r }))} value={reason} onChange={setReason} />
      <Button
        className="btn block"
        id={confirmId}
        disabled={busy || !reason}
        onClick={() => reason && void onConfirm(reason)}
      >
        {confirmLabel}
      </Button>
    </>
  );
}

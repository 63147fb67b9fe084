// Tables whose rows an official resolves in place (异常工单, alerts, overdue complaints): the row in
// the dialog, the rows handled in this session (they keep their audit line on screen), and one way
// to submit, so each table says only what its mutation is.
import { App } from 'antd';
import { useCallback, useState } from 'react';

export function useResolveInPlace<T extends { id: string }>() {
  const { message } = App.useApp();
  const [mine, setMine] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<T | null>(null);
  /**
   * Runs `act` on the row being edited. On success the row is marked as handled here, the dialog
   * closes, `act`'s message is shown and `after` reloads; on failure the server's message is shown
   * and the dialog stays open.
   */
  const resolve = useCallback(
    async (act: (row: T) => Promise<string>, after: () => unknown) => {
      if (!editing) return;
      try {
        const done = await act(editing);
        setMine((s) => new Set(s).add(editing.id));
        setEditing(null);
        message.success(done);
        await after();
      } catch (e) {
        message.error((e as Error).message);
      }
    },
    [editing, message],
  );
  return { mine, editing, setEditing, resolve };
}

import { Button } from 'antd';

/** A row's 去处理: clears the dialog's last input (`reset`), then opens it on this row. */
export function GoResolve<T>({ row, open, reset }: { row: T; open: (row: T) => void; reset: () => void }) {
  return (
    <Button
      size="small"
      type="primary"
      onClick={() => {
        reset();
        open(row);
      }}
    >
      去处理
    </Button>
  );
}

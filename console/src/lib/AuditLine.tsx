// The audit line a resolved row shows: who (this session's user when just done here), when, why.
import { Typography } from 'antd';
import { dateTime } from './format';

export function AuditLine({
  who,
  at,
  why,
}: {
  who: string | null;
  at: string | null | undefined;
  why?: string | null;
}) {
  return at ? (
    <Typography.Text type="secondary" data-testid="audit-line">
      {who ? `${who} ` : ''}于 {dateTime(at)} 处理{why ? `：${why}` : ''}
    </Typography.Text>
  ) : null;
}

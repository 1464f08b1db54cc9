import { relativeTime } from '../../utils/time.ts';

/** When something happened, relative ("5 min ago"), with the exact time on hover. */
export function TimeAgo({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {relativeTime(iso)}
    </time>
  );
}

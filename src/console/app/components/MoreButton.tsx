/** "More": asks for the next page, shown only while the connection has one. */
import { useI18n } from '../i18n';

export function MoreButton({
  pageInfo,
  onMore,
}: {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  onMore(after: string | null): void;
}) {
  const { t } = useI18n();
  if (!pageInfo.hasNextPage) return null;
  return (
    <button type="button" onClick={() => onMore(pageInfo.endCursor)}>
      {t('common.more')}
    </button>
  );
}

import { useTranslation } from 'react-i18next';

interface LogPagerProps {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}

/** How many are shown, and the next (older) page on request. */
export function LogPager({ count, hasMore, loading, onMore }: LogPagerProps) {
  const { t } = useTranslation();
  return (
    <div className="actions log-pager">
      <p className="note" role="status">
        {t('log.shown', { count })} {!hasMore && !loading && t('log.end')}
      </p>
      {hasMore && (
        <button type="button" className="button" onClick={onMore} disabled={loading}>
          {t('log.more')}
        </button>
      )}
    </div>
  );
}

/** A page the caller's role may not open (a shared link, a bookmark): said plainly, with a way on. */
import { useI18n } from '../i18n';
import { navigate, type PageId, pageHref } from '../url';

export function Refused({ page, role }: { page: PageId; role: string }) {
  const { t } = useI18n();
  return (
    <section className="refused" data-testid="refused" aria-labelledby="refused-title">
      <h1 id="refused-title">{t('refused.title')}</h1>
      <p className="notice error" role="alert">
        {page === 'findings' ? t('refused.findings', { role }) : t('refused.page', { role })}
      </p>
      <p>{t('refused.ask')}</p>
      <p>
        <a
          href={pageHref('overview')}
          onClick={(e) => {
            e.preventDefault();
            navigate(pageHref('overview'));
          }}
        >
          {t('refused.back')}
        </a>
      </p>
    </section>
  );
}

/** The frame of every page: the title, navigation by the caller's capabilities, who is signed in, language and sign-out. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { PAGES, pageAllowed } from '../pages';
import { useSession } from '../session';
import { navigate, type PageId, pageHref } from '../url';

export function Layout({ page, children }: { page: PageId; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { principal, signOut } = useSession();
  return (
    <div className="shell">
      <header className="top">
        <div className="brand">
          <strong>{t('app.title')}</strong>
          <span>{t('app.subtitle')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {PAGES.filter((p) => pageAllowed(p.id, principal)).map((p) => (
              <li key={p.id}>
                <a
                  href={pageHref(p.id)}
                  aria-current={p.id === page ? 'page' : undefined}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    navigate(pageHref(p.id));
                  }}
                >
                  {t(p.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span data-testid="principal" title={principal.name}>
            {t('role.label')}: {principal.role} · {t('role.agency')}:{' '}
            <span data-testid="principal-agency">
              {principal.agencyCode
                ? `${principal.agencyName ?? principal.agencyCode} (${principal.agencyCode})`
                : t('role.allAgencies')}
            </span>
          </span>
          <button
            type="button"
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
            lang={lang === 'vi' ? 'en' : 'vi'}
          >
            {t('lang.switch')}
          </button>
          <button type="button" onClick={signOut}>
            {t('signout')}
          </button>
        </div>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}

/**
 * Downloads one of the hub's exports (/export/…) with the session's key or token: fetched, then
 * handed to the browser as a file, since a plain link cannot carry the X-API-Key or Authorization header.
 */
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export function DownloadButton({ href, label }: { href: string; label: string }) {
  const { t } = useI18n();
  const { headers } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(href, { headers });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
        throw new Error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`);
      }
      const name =
        /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.xlsx';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="download">
      <button type="button" onClick={download} disabled={busy}>
        {busy ? t('common.loading') : label}
      </button>
      {error && (
        <span className="error-text" role="alert">
          {t('common.error', { message: error })}
        </span>
      )}
    </span>
  );
}

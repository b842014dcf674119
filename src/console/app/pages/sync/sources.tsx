/** The sources a sync page offers, in sync order, and their options for a picker. */
import type { Source } from '../../graphql/generated';
import { useI18n } from '../../i18n';

export const SOURCES: Source[] = ['NATIONAL', 'IGATE', 'PAKN'];

/** One `<option>` per source, named in the current language. */
export function SourceOptions() {
  const { t } = useI18n();
  return (
    <>
      {SOURCES.map((s) => (
        <option key={s} value={s}>
          {t(`source.${s}`)}
        </option>
      ))}
    </>
  );
}

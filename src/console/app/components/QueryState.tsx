/** Loading, error and refusal states of a graph query, in the console's words. */
import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { errorCode } from '../graph-client';
import { useI18n } from '../i18n';

export function QueryState({
  fetching,
  error,
  hasData,
  children,
}: {
  fetching: boolean;
  error?: CombinedError;
  hasData: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (error && !hasData) {
    const code = errorCode(error);
    const text =
      code === 'FORBIDDEN'
        ? t('common.forbidden')
        : t('common.error', { message: error.graphQLErrors[0]?.message ?? error.message });
    return (
      <p className="notice error" role="alert" data-error-code={code ?? undefined}>
        {text}
      </p>
    );
  }
  if (!hasData) return <p className="notice">{fetching ? t('common.loading') : t('common.none')}</p>;
  return <>{children}</>;
}

/** Sync: start a sync, the run ledger, held deletions to confirm, the quarantine. */
import { useI18n } from '../i18n';
import { HeldDeletions } from './sync/HeldDeletions';
import { Quarantine } from './sync/Quarantine';
import { RunLedger } from './sync/RunLedger';
import { SyncActions } from './sync/SyncActions';

export function SyncPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('sync.title')}</h1>
      <SyncActions />
      <HeldDeletions />
      <RunLedger />
      <Quarantine />
    </>
  );
}

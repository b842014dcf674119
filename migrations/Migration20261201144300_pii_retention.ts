import { Migration } from '@mikro-orm/migrations';

/**
 * Personal-data retention (PII_RETENTION_DAYS): `pii_erased_at` on dossier and feedback
 * says when a row's personal data was last erased (a row rewritten after it has
 * `updated_at > pii_erased_at` and is erased again), and `hub_erase_personal` nulls the
 * personal members of a raw payload wherever they sit, whatever its shape (quarantined
 * payloads are not always well formed). `keys` are member names nulled anywhere
 * (`phone`) or `parent.member` pairs nulled under that parent only (`applicant.data`).
 */
export class Migration20261201144300_pii_retention extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "dossier" add column "pii_erased_at" timestamptz null;`);
    this.addSql(`alter table "feedback" add column "pii_erased_at" timestamptz null;`);
    this.addSql(`create function hub_erase_personal(doc jsonb, keys text[], parent text default null)
      returns jsonb language plpgsql immutable as $$
      declare
        out jsonb;
        k text;
        v jsonb;
      begin
        if doc is null then return null; end if;
        if jsonb_typeof(doc) = 'object' then
          out := '{}'::jsonb;
          for k, v in select e.key, e.value from jsonb_each(doc) e loop
            if jsonb_typeof(v) <> 'null' and (k = any(keys) or (parent || '.' || k) = any(keys)) then
              out := out || jsonb_build_object(k, null);
            else
              out := out || jsonb_build_object(k, hub_erase_personal(v, keys, k));
            end if;
          end loop;
          return out;
        elsif jsonb_typeof(doc) = 'array' then
          return coalesce((select jsonb_agg(hub_erase_personal(a.e, keys, parent) order by a.i)
                             from jsonb_array_elements(doc) with ordinality a(e, i)), '[]'::jsonb);
        end if;
        return doc;
      end $$;`);
  }
}

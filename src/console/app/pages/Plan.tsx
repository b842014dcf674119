/** Plan: the year's tasks by section, with leads, partners, results and deadlines; filter by lead body. */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Picker } from '../components/Picker';
import { QueryState } from '../components/QueryState';
import { localDay } from '../format';
import { PlanDocument, PlanProgressDocument, PlansDocument } from '../graphql/generated';
import { useI18n } from '../i18n';
import { setParams, useLocation } from '../url';
import type { TaskProgress } from './plan/Indicators';
import { TaskTable } from './plan/TaskTable';

export function PlanPage() {
  const { t } = useI18n();
  const { params } = useLocation();
  const [plans] = useQuery({ query: PlansDocument });
  const years = (plans.data?.plans ?? []).map((p) => p.year).sort((a, b) => b - a);
  const year = Number(params.get('year')) || years[0];
  const lead = params.get('lead');
  const [plan] = useQuery({ query: PlanDocument, variables: { year: year ?? 0 }, pause: !year });
  const p = plan.data?.plan;
  const [progress] = useQuery({ query: PlanProgressDocument, variables: { year: year ?? 0 }, pause: !year });
  const byTask = useMemo(
    () =>
      new Map<number, TaskProgress>(
        (progress.data?.planProgress.tasks ?? []).map((tp) => [tp.task.number, tp]),
      ),
    [progress.data],
  );

  const leadOptions = useMemo(
    () =>
      [...new Set((p?.tasks ?? []).flatMap((task) => task.leads.map((l) => l.text)))].sort((a, b) =>
        a.localeCompare(b, 'vi'),
      ),
    [p],
  );
  const tasks = (p?.tasks ?? []).filter((task) => !lead || task.leads.some((l) => l.text === lead));

  return (
    <div className="plan">
      <h1>{t('plan.title')}</h1>
      <QueryState fetching={plans.fetching} error={plans.error} hasData={!!plans.data}>
        {years.length === 0 ? (
          <p className="notice">{t('plan.none')}</p>
        ) : (
          <div className="filters">
            <Picker
              label={t('plan.year')}
              value={year}
              options={years}
              onChange={(v) => setParams({ year: v, lead: null })}
            />
            <Picker
              label={t('plan.lead')}
              value={lead ?? ''}
              options={leadOptions}
              all={t('common.all')}
              onChange={(v) => setParams({ lead: v })}
            />
            {p && (
              <span className="count">
                {t('common.showing', { shown: tasks.length, total: p.tasks.length })}
              </span>
            )}
          </div>
        )}
      </QueryState>
      {year && (
        <QueryState fetching={plan.fetching} error={plan.error} hasData={!!p}>
          {p && (
            <>
              <p className="plan-title">
                <strong>{p.title}</strong>
                {p.decision ? ` · ${p.decision}` : ''} · {t('plan.version', { version: p.version })}
                {progress.data && ` · ${t('plan.asOf', { day: localDay(progress.data.planProgress.asOf) })}`}
              </p>
              {p.sections.map((s) => {
                const ofSection = tasks.filter((task) => task.section === s.number);
                if (ofSection.length === 0) return null;
                return (
                  <section key={s.number} aria-labelledby={`section-${s.number}`}>
                    <h2 id={`section-${s.number}`}>
                      {s.number}. {s.title}
                    </h2>
                    <TaskTable tasks={ofSection} caption={`${s.number}. ${s.title}`} progress={byTask} />
                  </section>
                );
              })}
              {p.unmatchedBodies.length > 0 && (
                <p className="notice">
                  {t('plan.unmatched')}: {p.unmatchedBodies.join('; ')}
                </p>
              )}
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate, todayIso } from '../ledger/dates';
import { Amount, Notice, TableScroll } from '../ledger/ledger-ui';
import { formatRupiah } from '../ledger/rupiah';
import { BackLink } from '../members/member-scope';
import {
  distributionListUrl,
  useCloseFiscalYear,
  useDistributionStep,
  useProposeShu,
  useRecordRatApproval,
  useRunningShu,
  useShuDistribution,
  useShuDistributions,
} from './shu-api';
import {
  currentYearEndStep,
  isStepDone,
  readApprovalForm,
  stepBlock,
  stepRoles,
  yearEndSteps,
  type ApprovalProblem,
  type YearEndStep,
} from './shu-helpers';
import { useShuText } from './shu-texts';
import type { ShuDistribution, ShuPayout } from './shu-types';
import { componentLabel, ShuGate, useShuYear, YearPicker, type ShuScope } from './shu-ui';

const payouts: readonly ShuPayout[] = ['sukarela', 'cash'];

function hasCode(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}

/** One step: what it does, who may do it, and its action (disabled, with the reason, otherwise). */
function Step({
  step,
  year,
  current,
  block,
  children,
}: {
  step: YearEndStep;
  year: number;
  current: YearEndStep;
  block: ReturnType<typeof stepBlock>;
  children: ReactNode;
}) {
  const st = useShuText();
  const { t } = useTranslation();
  const state = isStepDone(step, current) ? 'done' : step === current ? 'current' : 'waiting';
  const roles = stepRoles[step].map((role) => t(`roles.${role}`)).join(', ');
  return (
    <li
      className="card"
      data-testid={`shu-step-${step}`}
      data-state={state}
      data-block={block ?? ''}
    >
      <h2>
        {yearEndSteps.indexOf(step) + 1}. {st(`yearEnd.steps.${step}`)}
      </h2>
      <p className="muted small">{st(`yearEnd.bodies.${step}`, { year })}</p>
      <p className="small">{st('yearEnd.who', { roles })}</p>
      {block !== null && (
        <p className="small muted" data-testid="shu-step-block">
          {st(`yearEnd.blocks.${block}`)}
        </p>
      )}
      {children}
    </li>
  );
}

function DistributionFigures({ distribution }: { distribution: ShuDistribution }) {
  const st = useShuText();
  const { locale } = useLocale();
  return (
    <section
      className="card section"
      data-testid="shu-distribution"
      data-status={distribution.status}
    >
      <p>
        <span className="badge" data-testid="shu-distribution-status">
          {st(`yearEnd.status.${distribution.status}`)}
        </span>
      </p>
      <h2>{st('yearEnd.figures')}</h2>
      <p>
        {st('dashboard.surplus')}: <Amount value={distribution.surplus} />
      </p>
      <TableScroll label={st('yearEnd.figures')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{st('dashboard.component')}</th>
              <th scope="col" className="numeric">
                {st('dashboard.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {distribution.pools.map((pool) => (
              <tr key={pool.key} data-testid="shu-distribution-pool" data-key={pool.key}>
                <td className="name-cell">
                  {componentLabel(st, pool.key, pool.name)}
                  <span className="block muted small">{pool.accountCode}</span>
                </td>
                <td className="numeric">
                  <Amount value={pool.amount} isBare />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <dl className="details">
        <dt>{st('yearEnd.membersTotal', { count: distribution.memberCount })}</dt>
        <dd>
          <Amount value={distribution.membersTotal} />
        </dd>
        <dt>{st('yearEnd.taxTotal')}</dt>
        <dd>
          <Amount value={distribution.taxTotal} />
        </dd>
      </dl>
      {distribution.ratDate && (
        <p className="small">
          {st('yearEnd.ratLine', {
            date: formatDate(distribution.ratDate, locale),
            minutes: distribution.minutesReference ?? '',
          })}
        </p>
      )}
    </section>
  );
}

function ApprovalForm({
  cooperativeId,
  distribution,
  isEnabled,
}: {
  cooperativeId: string;
  distribution: ShuDistribution;
  isEnabled: boolean;
}) {
  const st = useShuText();
  const record = useRecordRatApproval(cooperativeId);
  const [ratDate, setRatDate] = useState('');
  const [minutesReference, setMinutesReference] = useState('');
  const [hasConfirmedFigures, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<ApprovalProblem[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = readApprovalForm(
      { ratDate, minutesReference, hasConfirmedFigures },
      distribution,
      todayIso(),
    );
    setProblems(result.ok ? [] : result.errors);
    if (result.ok) record.mutate({ distributionId: distribution.id, ...result.value });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset disabled={!isEnabled || record.isPending}>
        <label className="field">
          {st('yearEnd.ratDate')}
          <input
            type="date"
            value={ratDate}
            max={todayIso()}
            onChange={(event) => {
              setRatDate(event.target.value);
            }}
            data-testid="shu-rat-date"
          />
        </label>
        <label className="field">
          {st('yearEnd.minutes')}
          <input
            value={minutesReference}
            onChange={(event) => {
              setMinutesReference(event.target.value);
            }}
            data-testid="shu-rat-minutes"
          />
        </label>
        <label className="block">
          <input
            type="checkbox"
            checked={hasConfirmedFigures}
            onChange={(event) => {
              setConfirmed(event.target.checked);
            }}
            data-testid="shu-rat-confirm"
          />{' '}
          {st('yearEnd.confirm')}
        </label>
        {problems.map((problem) => (
          <p key={problem} className="field-error" data-testid="shu-rat-problem">
            {st(`yearEnd.problems.${problem}`)}
          </p>
        ))}
        <button type="submit" className="button primary" data-testid="shu-rat-record">
          {record.isPending ? st('yearEnd.working') : st('yearEnd.recordNow')}
        </button>
      </fieldset>
      {record.isError && <ErrorMessage error={record.error} testId="shu-rat-error" />}
    </form>
  );
}

function ActionButton({
  label,
  isEnabled,
  isPending,
  onClick,
  testId,
}: {
  label: string;
  isEnabled: boolean;
  isPending: boolean;
  onClick: () => void;
  testId: string;
}) {
  const st = useShuText();
  return (
    <button
      type="button"
      className="button primary"
      disabled={!isEnabled || isPending}
      onClick={onClick}
      data-testid={testId}
    >
      {isPending ? st('yearEnd.working') : label}
    </button>
  );
}

function Wizard({ scope }: { scope: ShuScope }) {
  const st = useShuText();
  const { locale } = useLocale();
  const [year, setYear] = useShuYear();
  const [searchParams, setSearchParams] = useSearchParams();
  const yearDistributions = useShuDistributions(scope.cooperativeId, year);
  const distributionId =
    searchParams.get('pembagian') ?? yearDistributions.data?.items[0]?.id ?? null;
  const [isYearClosed, setYearClosed] = useState<boolean | null>(null);
  const [payout, setPayout] = useState<ShuPayout>('sukarela');
  const running = useRunningShu(scope.cooperativeId, year);
  const summary = running.data?.pages[0];
  const loaded = useShuDistribution(scope.cooperativeId, distributionId);
  const distribution = loaded.data?.fiscalYearStart.startsWith(String(year)) ? loaded.data : null;
  const closeYear = useCloseFiscalYear(scope.cooperativeId);
  const propose = useProposeShu(scope.cooperativeId, year);
  const countersign = useDistributionStep(scope.cooperativeId, 'countersignature');
  const post = useDistributionStep(scope.cooperativeId, 'posting');
  const current = currentYearEndStep(distribution, isYearClosed);
  const blockOf = (step: YearEndStep) =>
    stepBlock(
      step,
      current,
      scope.roles,
      { personId: scope.person.id },
      distribution,
      isYearClosed,
    );
  const step = (name: YearEndStep, action: ReactNode) => (
    <Step key={name} step={name} year={year} current={current} block={blockOf(name)}>
      {action}
    </Step>
  );
  const closeError = closeYear.error;
  const isAlreadyClosed = hasCode(closeError, 'ledger.year_already_closed');
  const showDistribution = (next: ShuDistribution) => {
    setSearchParams(
      (params) => {
        params.set('pembagian', next.id);
        return params;
      },
      { replace: true },
    );
  };

  return (
    <main className="page">
      <BackLink to={`/shu?tahun=${String(year)}`}>{st('dashboard.title')}</BackLink>
      <h1 data-testid="shu-year-end-title">{st('yearEnd.title')}</h1>
      <YearPicker year={year} onChange={setYear} />
      {loaded.isError && <ErrorMessage error={loaded.error} />}
      {distributionId !== null && loaded.isPending && <LoadingMessage />}
      {distribution && <DistributionFigures distribution={distribution} />}
      {!distribution && distributionId === null && (
        <p className="muted small">{st('yearEnd.noLink')}</p>
      )}
      <ol className="stack" data-testid="shu-steps">
        {step(
          'close',
          <>
            {isYearClosed === null && !distribution && (
              <p className="small muted">{st('yearEnd.closeUnknown')}</p>
            )}
            {closeYear.data && (
              <Notice testId="shu-year-closed">
                {st('yearEnd.closed', { amount: formatRupiah(closeYear.data.surplus, locale) })}
              </Notice>
            )}
            {isAlreadyClosed && <Notice>{st('yearEnd.closedAlready')}</Notice>}
            {closeError && !isAlreadyClosed && <ErrorMessage error={closeError} />}
            <ActionButton
              label={st('yearEnd.closeNow', { year })}
              isEnabled={blockOf('close') === null && summary !== undefined}
              isPending={closeYear.isPending}
              testId="shu-close-year"
              onClick={() => {
                if (!summary) return;
                closeYear.mutate(
                  {
                    fiscalYearStart: summary.fiscalYearStart,
                    fiscalYearEnd: summary.fiscalYearEnd,
                  },
                  {
                    onSuccess: () => setYearClosed(true),
                    onError: (error) => {
                      if (hasCode(error, 'ledger.year_already_closed')) setYearClosed(true);
                    },
                  },
                );
              }}
            />
          </>,
        )}
        {step(
          'propose',
          <>
            <label className="field">
              {st('yearEnd.payout')}
              <select
                value={payout}
                disabled={blockOf('propose') !== null}
                onChange={(event) => {
                  setPayout(event.target.value === 'cash' ? 'cash' : 'sukarela');
                }}
                data-testid="shu-payout"
              >
                {payouts.map((name) => (
                  <option key={name} value={name}>
                    {st(`yearEnd.payouts.${name}`)}
                  </option>
                ))}
              </select>
            </label>
            {propose.isError && <ErrorMessage error={propose.error} testId="shu-propose-error" />}
            <ActionButton
              label={st('yearEnd.proposeNow')}
              isEnabled={blockOf('propose') === null}
              isPending={propose.isPending}
              testId="shu-propose"
              onClick={() => {
                propose.mutate(
                  { payout },
                  {
                    onSuccess: showDistribution,
                    onError: (error) => {
                      if (hasCode(error, 'shu.year_not_closed')) setYearClosed(false);
                    },
                  },
                );
              }}
            />
          </>,
        )}
        {step(
          'approve',
          distribution && (
            <ApprovalForm
              cooperativeId={scope.cooperativeId}
              distribution={distribution}
              isEnabled={blockOf('approve') === null}
            />
          ),
        )}
        {step(
          'countersign',
          <>
            {countersign.isError && <ErrorMessage error={countersign.error} />}
            <ActionButton
              label={st('yearEnd.countersignNow')}
              isEnabled={distribution !== null && blockOf('countersign') === null}
              isPending={countersign.isPending}
              testId="shu-countersign"
              onClick={() => {
                if (distribution) countersign.mutate({ distributionId: distribution.id });
              }}
            />
          </>,
        )}
        {step(
          'post',
          <>
            {post.isError && <ErrorMessage error={post.error} />}
            <ActionButton
              label={st('yearEnd.postNow')}
              isEnabled={distribution !== null && blockOf('post') === null}
              isPending={post.isPending}
              testId="shu-post"
              onClick={() => {
                if (distribution) post.mutate({ distributionId: distribution.id });
              }}
            />
            {distribution?.status === 'posted' && (
              <p className="small">
                <Link to="/shu/bayar-tunai" data-testid="shu-cash-payout-link">
                  {st('yearEnd.cashPayoutLink')} →
                </Link>
              </p>
            )}
          </>,
        )}
        {step(
          'download',
          distribution && blockOf('download') === null && (
            <div className="download-row">
              {(['xlsx', 'pdf'] as const).map((format) => (
                <a
                  key={format}
                  className="button"
                  href={distributionListUrl(scope.cooperativeId, distribution.id, format)}
                  download
                  data-testid={`shu-download-${format}`}
                >
                  {st(`yearEnd.${format}`)}
                </a>
              ))}
            </div>
          ),
        )}
      </ol>
      {distribution && (
        <section className="section">
          <h2 className="section-title">{st('yearEnd.share')}</h2>
          <p className="hash" data-testid="shu-distribution-link">
            {`${window.location.origin}/shu/tutup-tahun?tahun=${String(year)}&pembagian=${distribution.id}`}
          </p>
        </section>
      )}
    </main>
  );
}

/** `/shu/tutup-tahun`: the year-end steps, each for the roles the server lets act. */
export function YearEndPage() {
  const st = useShuText();
  return (
    <ShuGate title={st('yearEnd.title')} allows={(scope) => scope.shu.canReadAll}>
      {(scope) => <Wizard scope={scope} />}
    </ShuGate>
  );
}

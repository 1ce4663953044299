import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate } from '../ledger/dates';
import { Amount, Notice, TableScroll } from '../ledger/ledger-ui';
import { BackLink } from '../members/member-scope';
import { parsePositiveAmount } from '../savings/savings-helpers';
import { FacilityCard } from './BankFacilitiesPage';
import {
  facilityReportPath,
  useDrawFacility,
  useFacilityReport,
  useRemitCollections,
  useRepayFacility,
} from './facilities-api';
import { readFacilityRepayment } from './facility-helpers';
import { DownloadLinks, InputField } from './form-fields';
import { LoanGate, type LoanScope } from './loans-ui';
import type { FacilityMovement, FacilityReport, Remittance } from './loans-types';

function DrawdownForm({
  cooperativeId,
  facilityId,
}: {
  cooperativeId: string;
  facilityId: string;
}) {
  const { t } = useTranslation();
  const draw = useDrawFacility(cooperativeId, facilityId);
  const [amount, setAmount] = useState('');
  const [hasError, setHasError] = useState(false);
  const [done, setDone] = useState<FacilityMovement | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const value = parsePositiveAmount(amount);
    setHasError(value === null);
    if (value === null) return;
    draw.mutate(
      { amount: value },
      {
        onSuccess: (movement) => {
          setDone(movement);
          setAmount('');
        },
      },
    );
  }
  return (
    <form className="form card section" onSubmit={submit} noValidate data-testid="drawdown-form">
      <h2>{t('loans.facility.drawdown')}</h2>
      <p className="muted small">{t('loans.facility.drawdownIntro')}</p>
      <InputField
        label={t('loans.facility.amount')}
        value={amount}
        onChange={setAmount}
        error={hasError ? t('loans.facilities.errors.amount') : undefined}
        inputMode="numeric"
        testId="drawdown-amount"
      />
      {done && <Notice testId="drawdown-done">{t('loans.facility.drawn')}</Notice>}
      {draw.isError && <ErrorMessage error={draw.error} testId="drawdown-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={draw.isPending}
        data-testid="drawdown-submit"
      >
        {draw.isPending ? t('loans.saving') : t('loans.facility.drawSubmit')}
      </button>
    </form>
  );
}

function FacilityRepaymentForm({
  cooperativeId,
  facilityId,
}: {
  cooperativeId: string;
  facilityId: string;
}) {
  const { t } = useTranslation();
  const repay = useRepayFacility(cooperativeId, facilityId);
  const [principal, setPrincipal] = useState('');
  const [interest, setInterest] = useState('');
  const [hasError, setHasError] = useState(false);
  const [done, setDone] = useState<FacilityMovement | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const value = readFacilityRepayment(principal, interest);
    setHasError(value === null);
    if (value === null) return;
    repay.mutate(value, {
      onSuccess: (movement) => {
        setDone(movement);
        setPrincipal('');
        setInterest('');
      },
    });
  }
  return (
    <form
      className="form card section"
      onSubmit={submit}
      noValidate
      data-testid="facility-repayment-form"
    >
      <h2>{t('loans.facility.repayment')}</h2>
      <InputField
        label={t('loans.facility.principal')}
        value={principal}
        onChange={setPrincipal}
        inputMode="numeric"
        testId="facility-repay-principal"
      />
      <InputField
        label={t('loans.facility.interest')}
        value={interest}
        onChange={setInterest}
        error={hasError ? t('loans.facilities.errors.repayment') : undefined}
        inputMode="numeric"
        testId="facility-repay-interest"
      />
      {done && (
        <Notice testId="facility-repay-done">
          {t('loans.facility.repaid')} <Amount value={done.outstandingAfter} />
        </Notice>
      )}
      {repay.isError && <ErrorMessage error={repay.error} testId="facility-repay-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={repay.isPending}
        data-testid="facility-repay-submit"
      >
        {repay.isPending ? t('loans.saving') : t('loans.facility.repaySubmit')}
      </button>
    </form>
  );
}

function RemitForm({
  cooperativeId,
  facilityId,
  waiting,
}: {
  cooperativeId: string;
  facilityId: string;
  waiting: string;
}) {
  const { t } = useTranslation();
  const remit = useRemitCollections(cooperativeId, facilityId);
  const [done, setDone] = useState<Remittance | null>(null);
  return (
    <section className="card section" data-testid="remit-form">
      <h2>{t('loans.facility.remit')}</h2>
      <p className="small">
        {t('loans.facility.remitWaiting')} <Amount value={waiting} />
      </p>
      <p className="muted small">{t('loans.facility.remitIntro')}</p>
      {done && (
        <Notice testId="remit-done">
          {t('loans.facility.remitted')} <Amount value={done.remitted} /> ·{' '}
          {t('loans.facility.fee')} <Amount value={done.fee} />
        </Notice>
      )}
      {remit.isError && <ErrorMessage error={remit.error} testId="remit-error" />}
      <button
        type="button"
        className="button primary"
        disabled={remit.isPending}
        onClick={() => {
          remit.mutate({}, { onSuccess: setDone });
        }}
        data-testid="remit-submit"
      >
        {remit.isPending ? t('loans.saving') : t('loans.facility.remitSubmit')}
      </button>
    </section>
  );
}

function ReportTotals({ totals }: { totals: FacilityReport['totals'] }) {
  const { t } = useTranslation();
  return (
    <dl className="totals" data-testid="facility-report-totals">
      {(Object.keys(totals) as (keyof typeof totals)[]).map((key) => (
        <div key={key} className="totals-row">
          <dt>{t(`loans.facility.totals.${key}`)}</dt>
          <dd data-testid={`facility-total-${key}`} data-amount={totals[key]}>
            <Amount value={totals[key]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ReportLines({ lines }: { lines: FacilityReport['lines'] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="muted small">{t('loans.facility.noLines')}</p>;
  return (
    <TableScroll label={t('loans.facility.lines')}>
      <table className="data-table" data-testid="facility-report-lines">
        <thead>
          <tr>
            <th scope="col">{t('loans.list.member')}</th>
            <th scope="col" className="numeric">
              {t('loans.facility.principal')}
            </th>
            <th scope="col" className="numeric">
              {t('loans.facility.repaidColumn')}
            </th>
            <th scope="col" className="numeric">
              {t('loans.facilities.figures.outstanding')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.loanId} data-testid="facility-report-line">
              <td className="name-cell">
                <Link to={`/pinjaman/${line.loanId}`}>
                  {line.memberNumber ?? '—'} · {line.memberName}
                </Link>
                <span className="block muted small">{line.status}</span>
              </td>
              <td className="numeric">
                <Amount value={line.principal} isBare />
              </td>
              <td className="numeric nowrap">
                <Amount value={line.principalRepaid} isBare /> /{' '}
                <Amount value={line.interestRepaid} isBare />
              </td>
              <td className="numeric">
                <Amount value={line.outstanding} isBare />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Movements({ report }: { report: FacilityReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <>
      <h3>{t('loans.facility.movements')}</h3>
      {report.movements.length === 0 && report.remittances.length === 0 ? (
        <p className="muted small">{t('loans.facility.noMovements')}</p>
      ) : (
        <ul className="plain-list stack">
          {report.movements.map((movement) => (
            <li key={movement.id} className="small" data-testid="facility-movement">
              {formatDate(movement.businessDate, locale)} ·{' '}
              {t(`loans.facility.movementKinds.${movement.kind}`)}:{' '}
              <Amount value={movement.principal} />
              {movement.interest !== '0' && (
                <>
                  {' '}
                  + {t('loans.facility.interest')} <Amount value={movement.interest} />
                </>
              )}
            </li>
          ))}
          {report.remittances.map((remittance) => (
            <li key={remittance.id} className="small" data-testid="facility-remittance">
              {formatDate(remittance.businessDate, locale)} · {t('loans.facility.remittance')}:{' '}
              <Amount value={remittance.remitted} /> ({t('loans.facility.fee')}{' '}
              <Amount value={remittance.fee} />)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Report({ scope, report }: { scope: LoanScope; report: FacilityReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <section className="section" data-testid="facility-report">
      <h2>{t('loans.facility.report')}</h2>
      <p className="muted small">
        {t('loans.facility.asOf', { date: formatDate(report.asOf, locale) })}
      </p>
      <DownloadLinks
        label={t('loans.facility.download')}
        pathOf={(format) => facilityReportPath(scope.cooperativeId, report.facility.id, format)}
        testId="facility-report"
        pdfLabel={t('loans.pdf')}
        xlsxLabel={t('loans.xlsx')}
      />
      <ReportTotals totals={report.totals} />
      <h3>{t('loans.facility.lines')}</h3>
      <ReportLines lines={report.lines} />
      <Movements report={report} />
      <details className="section">
        <summary>{t('loans.facility.raw')}</summary>
        <pre className="raw-json" data-testid="facility-report-json">
          {JSON.stringify(report, null, 2)}
        </pre>
      </details>
    </section>
  );
}

function Facility({ scope, facilityId }: { scope: LoanScope; facilityId: string }) {
  const { t } = useTranslation();
  const report = useFacilityReport(scope.cooperativeId, facilityId);
  const data = report.data;
  const canMove = scope.loans.canManageFacilities && data?.facility.status === 'aktif';
  return (
    <main className="page">
      <BackLink to="/pinjaman/fasilitas">{t('loans.facilities.title')}</BackLink>
      <h1 data-testid="facility-title">{t('loans.facility.title')}</h1>
      {report.isError && <ErrorMessage error={report.error} />}
      {report.isPending && <LoadingMessage />}
      {data && (
        <>
          <ul className="stack">
            <FacilityCard facility={data.facility} />
          </ul>
          {canMove && data.facility.kind === 'executing' && (
            <>
              <DrawdownForm cooperativeId={scope.cooperativeId} facilityId={facilityId} />
              <FacilityRepaymentForm cooperativeId={scope.cooperativeId} facilityId={facilityId} />
            </>
          )}
          {scope.loans.canManageFacilities && data.facility.kind === 'channeling' && (
            <RemitForm
              cooperativeId={scope.cooperativeId}
              facilityId={facilityId}
              waiting={data.totals.collectedNotRemitted}
            />
          )}
          <Report scope={scope} report={data} />
        </>
      )}
    </main>
  );
}

/** `/pinjaman/fasilitas/:facilityId`: one facility, its movements and the report for the bank. */
export function FacilityDetailPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  return (
    <LoanGate title={t('loans.facility.title')} allows={(scope) => scope.loans.canReadAll}>
      {(scope) => <Facility scope={scope} facilityId={facilityId} />}
    </LoanGate>
  );
}

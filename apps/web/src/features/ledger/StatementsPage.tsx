import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import type { Locale } from '@lumbung/shared';
import { id as idCatalog } from '../../i18n/id';
import { formatDate, formatPeriod, isPeriod, isWholeMonth, monthOf, todayIso } from './dates';
import { statementPath, useStatement } from './ledger-api';
import { useLedgerScope } from './ledger-scope';
import { statementKinds, type StatementKind } from './ledger-types';
import { Amount, TableScroll } from './ledger-ui';
import {
  humanizeKey,
  normalizeEquityMatrix,
  normalizeStatement,
  type ColumnHeading,
  type EquityMatrix,
  type StatementRow,
  type StatementView,
} from './report-shapes';

function isStatementKind(value: string): value is StatementKind {
  return (statementKinds as readonly string[]).includes(value);
}

type StatementLabelKey = keyof typeof idCatalog.ledger.statements.labels;
type EquityRowKey = keyof typeof idCatalog.ledger.statements.equityRows;
type CheckKey = keyof typeof idCatalog.ledger.statements.checks;

function isStatementLabelKey(key: string): key is StatementLabelKey {
  return Object.hasOwn(idCatalog.ledger.statements.labels, key);
}

function isEquityRowKey(key: string): key is EquityRowKey {
  return Object.hasOwn(idCatalog.ledger.statements.equityRows, key);
}

function isCheckKey(key: string): key is CheckKey {
  return Object.hasOwn(idCatalog.ledger.statements.checks, key);
}

/** A month shows as "Oktober 2026", any other span as "1 Okt 2026 – 15 Okt 2026". */
function headingText(heading: ColumnHeading, locale: Locale): string | null {
  if (heading === null) return null;
  switch (heading.kind) {
    case 'date':
      return formatDate(heading.date, locale);
    case 'period':
      return formatPeriod(heading.period, locale);
    case 'range':
      return isWholeMonth(heading.from, heading.to)
        ? formatPeriod(monthOf(heading.from), locale)
        : `${formatDate(heading.from, locale)} – ${formatDate(heading.to, locale)}`;
  }
}

function useRowLabel(): (row: StatementRow) => string {
  const { t } = useTranslation();
  return (row) => {
    const name =
      row.label ??
      (row.labelKey === null
        ? ''
        : isStatementLabelKey(row.labelKey)
          ? t(`ledger.statements.labels.${row.labelKey}`)
          : humanizeKey(row.labelKey));
    return row.kind === 'total' ? t('ledger.statements.totalOf', { name }) : name;
  };
}

function StatementTable({ view, period }: { view: StatementView; period: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rowLabel = useRowLabel();
  const hasPrior = view.rows.some((row) => row.priorAmount !== null);
  return (
    <>
      {view.title && <h3 className="section-title">{view.title}</h3>}
      {view.checks.map((check) => (
        <p
          key={check.key}
          className={check.isOk ? 'badge ok-badge' : 'badge danger-badge'}
          data-testid={`statement-check-${check.key}`}
          data-ok={check.isOk}
        >
          {check.isOk ? '✓ ' : `✗ ${t('ledger.statements.checkFailed')}: `}
          {isCheckKey(check.key) ? t(`ledger.statements.checks.${check.key}`) : check.key}
        </p>
      ))}
      <p className="muted small">{t('ledger.statements.inRupiah')}</p>
      <TableScroll label={t('ledger.statements.title')}>
        <table className="data-table statement-table" data-testid="statement-table">
          <thead>
            <tr>
              <th scope="col">{t('ledger.columns.name')}</th>
              <th scope="col" className="numeric">
                {headingText(view.current, locale) ?? formatPeriod(period, locale)}
              </th>
              {hasPrior && (
                <th scope="col" className="numeric">
                  {headingText(view.prior, locale) ?? t('ledger.statements.priorPeriod')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row, index) => (
              <tr key={index} className={`statement-${row.kind}`} data-testid="statement-row">
                <th scope="row" className={`name-cell depth-${String(Math.min(row.depth, 4))}`}>
                  {row.code && <span className="muted small">{row.code} </span>}
                  {rowLabel(row)}
                </th>
                <td className="numeric">
                  {row.amount !== null && <Amount value={row.amount} isBare />}
                </td>
                {hasPrior && (
                  <td className="numeric">
                    {row.priorAmount !== null && <Amount value={row.priorAmount} isBare />}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function EquityTable({ matrix }: { matrix: EquityMatrix }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <>
      {matrix.blocks.map((block) => (
        <section key={block.which}>
          <h3 className="section-title">
            {t(`ledger.statements.equityBlock.${block.which}`)}
            {block.period && (
              <span className="subtitle">
                {headingText({ kind: 'range', ...block.period }, locale)}
              </span>
            )}
          </h3>
          <p className="muted small">{t('ledger.statements.inRupiah')}</p>
          <TableScroll label={t(`ledger.statements.equityBlock.${block.which}`)}>
            <table className="data-table statement-table" data-testid="statement-table">
              <thead>
                <tr>
                  <th scope="col" />
                  {matrix.columns.map((column) => (
                    <th key={column.key} scope="col" className="numeric wrap-heading">
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row) => (
                  <tr
                    key={row.key}
                    className={row.key === 'closing' ? 'statement-total' : undefined}
                    data-testid="statement-row"
                  >
                    <th scope="row" className="name-cell">
                      {isEquityRowKey(row.key)
                        ? t(`ledger.statements.equityRows.${row.key}`)
                        : humanizeKey(row.key)}
                    </th>
                    {row.values.map((value, index) => (
                      <td key={index} className="numeric">
                        {value !== null && <Amount value={value} isBare />}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </>
  );
}

function StatementBody({ data, period }: { data: unknown; period: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const matrix = normalizeEquityMatrix(data, locale);
  if (matrix) return <EquityTable matrix={matrix} />;
  const view = normalizeStatement(data, locale);
  if (view) return <StatementTable view={view} period={period} />;
  return (
    <>
      <p className="muted">{t('ledger.statements.unrecognized')}</p>
      <pre className="raw-json" data-testid="statement-raw">
        {JSON.stringify(data, null, 2)}
      </pre>
    </>
  );
}

/** `/pembukuan/laporan`: the four statements for a month, on screen and as PDF or XLSX. */
export function StatementsPage() {
  const { t } = useTranslation();
  const { cooperativeId } = useLedgerScope();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('laporan') ?? '';
  const periodParam = params.get('bulan') ?? '';
  const kind: StatementKind = isStatementKind(kindParam) ? kindParam : 'balance-sheet';
  const period = isPeriod(periodParam) ? periodParam : monthOf(todayIso());
  const [draft, setDraft] = useState({ kind, period });
  const statement = useStatement(cooperativeId, kind, period);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ laporan: draft.kind, bulan: draft.period }, { replace: true });
  }

  return (
    <>
      <h1>{t('ledger.statements.title')}</h1>
      <form className="card form" onSubmit={submit}>
        <label className="field">
          <span>{t('ledger.statements.kind')}</span>
          <select
            value={draft.kind}
            onChange={(event) => {
              const value = event.target.value;
              if (isStatementKind(value)) setDraft({ ...draft, kind: value });
            }}
            data-testid="statement-kind"
          >
            {statementKinds.map((option) => (
              <option key={option} value={option}>
                {t(`ledger.statements.kinds.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('ledger.statements.period')}</span>
          <input
            type="month"
            required
            pattern="\d{4}-\d{2}"
            value={draft.period}
            onChange={(event) => {
              setDraft({ ...draft, period: event.target.value });
            }}
            data-testid="statement-period"
          />
        </label>
        <button type="submit" className="button primary" data-testid="statement-show">
          {t('ledger.statements.show')}
        </button>
      </form>
      <div className="download-row">
        <span className="small">{t('ledger.statements.download')}:</span>
        <a
          className="button small"
          href={statementPath(cooperativeId, kind, period, 'pdf')}
          download
          data-testid="statement-pdf"
        >
          {t('ledger.statements.downloadPdf')}
        </a>
        <a
          className="button small"
          href={statementPath(cooperativeId, kind, period, 'xlsx')}
          download
          data-testid="statement-xlsx"
        >
          {t('ledger.statements.downloadXlsx')}
        </a>
      </div>
      <h2 className="section-title" data-testid="statement-title">
        {t(`ledger.statements.kinds.${kind}`)}
      </h2>
      {statement.isPending && <LoadingMessage />}
      {statement.isError && <ErrorMessage error={statement.error} testId="statement-error" />}
      {statement.isSuccess && (
        <div data-testid="statement-view">
          <StatementBody data={statement.data} period={period} />
        </div>
      )}
    </>
  );
}

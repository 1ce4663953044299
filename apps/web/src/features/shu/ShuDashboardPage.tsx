import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate } from '../ledger/dates';
import { Amount, TableScroll } from '../ledger/ledger-ui';
import { BackLink, useCooperativeScope } from '../members/member-scope';
import { useRunningShu } from './shu-api';
import { ratioText } from './shu-helpers';
import { shuPermissions } from './shu-roles';
import { useShuText } from './shu-texts';
import type { ShuSummary } from './shu-types';
import {
  MemberShares,
  PoolsTable,
  ShuGate,
  sourceLabel,
  useShuYear,
  YearPicker,
  type ShuScope,
} from './shu-ui';

/** The year's figures: surplus, where it came from, and the member / non-member split. */
function Figures({ summary }: { summary: ShuSummary }) {
  const st = useShuText();
  const { locale } = useLocale();
  const rows = [
    ['revenueMembers', summary.revenueFromMembers],
    ['revenueNonMembers', summary.revenueFromNonMembers],
    ['expenses', summary.expenses],
    ['memberSurplus', summary.memberSurplus],
    ['nonMemberSurplus', summary.nonMemberSurplus],
    ['residue', summary.toCadanganResidue],
  ] as const;
  return (
    <section className="card section" data-testid="shu-figures">
      <p className="muted small">
        {st('asOf', { date: formatDate(summary.asOf, locale) })} ·{' '}
        {st('dashboard.intro', { version: summary.ruleVersion })}
      </p>
      <h2>{st('dashboard.surplus')}</h2>
      <p className="balance-figure" data-testid="shu-surplus" data-amount={summary.surplus}>
        <Amount value={summary.surplus} />
      </p>
      <dl className="details">
        {rows.map(([key, value]) => (
          <div key={key} data-testid={`shu-figure-${key}`} data-amount={value}>
            <dt>{st(`dashboard.${key}`)}</dt>
            <dd>
              <Amount value={value} />
              {(key === 'memberSurplus' || key === 'nonMemberSurplus') && (
                <span className="muted small"> ({ratioText(value, summary.surplus, locale)})</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ParticipationTotals({ summary }: { summary: ShuSummary }) {
  const st = useShuText();
  return (
    <TableScroll label={st('dashboard.lines')}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{st('mine.line')}</th>
            <th scope="col" className="numeric">
              {st('mine.everyone')}
            </th>
            <th scope="col" className="numeric">
              {st('dashboard.unattributed')}
            </th>
            <th scope="col" className="numeric">
              {st('mine.pool')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.participationTotals.map((line) => (
            <tr key={line.sourceKey} data-testid="shu-line" data-key={line.sourceKey}>
              <td className="name-cell">{sourceLabel(st, line.sourceKey)}</td>
              <td className="numeric">
                <Amount value={line.total} isBare />
              </td>
              <td className="numeric">
                <Amount value={line.unattributed} isBare />
              </td>
              <td className="numeric">
                <Amount value={line.pool} isBare />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The year's result per business unit, when the cooperative runs several (a serba usaha). */
function BusinessUnits({ summary }: { summary: ShuSummary }) {
  const st = useShuText();
  const { t } = useTranslation();
  const unitCount = summary.businessUnits.filter((row) => row.unit !== null).length;
  if (unitCount < 2) return null;
  return (
    <section className="section">
      <h2 className="section-title">{st('dashboard.units')}</h2>
      <TableScroll label={st('dashboard.units')}>
        <table className="data-table" data-testid="shu-units">
          <thead>
            <tr>
              <th scope="col">{st('dashboard.unit')}</th>
              <th scope="col" className="numeric">
                {st('dashboard.revenue')}
              </th>
              <th scope="col" className="numeric">
                {st('dashboard.expenses')}
              </th>
              <th scope="col" className="numeric">
                {st('dashboard.surplus')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.businessUnits.map((row) => (
              <tr
                key={row.unit ?? 'umum'}
                data-testid="shu-unit"
                data-unit={row.unit ?? 'umum'}
                data-amount={row.surplus}
              >
                <td className="name-cell">{t(`ledger.businessUnits.${row.unit ?? 'umum'}`)}</td>
                <td className="numeric">
                  <Amount value={row.revenue} isBare />
                </td>
                <td className="numeric">
                  <Amount value={row.expenses} isBare />
                </td>
                <td className="numeric">
                  <Amount value={row.surplus} isBare />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Dashboard({ scope }: { scope: ShuScope }) {
  const st = useShuText();
  const { t } = useTranslation();
  const [year, setYear] = useShuYear();
  const running = useRunningShu(scope.cooperativeId, year);
  const summary = running.data?.pages[0];
  const members = running.data?.pages.flatMap((page) => page.members) ?? [];
  const tiles = [
    ...(scope.shu.canSimulate
      ? [
          {
            to: '/shu/simulasi',
            id: 'simulation',
            title: st('dashboard.simulation'),
            body: st('dashboard.simulationBody'),
          },
        ]
      : []),
    {
      to: '/shu/tutup-tahun',
      id: 'year-end',
      title: st('dashboard.yearEnd'),
      body: st('dashboard.yearEndBody'),
    },
    ...(scope.shu.canPayCash
      ? [{ to: '/shu/bayar-tunai', id: 'cash', title: st('cash.title'), body: st('cash.tile') }]
      : []),
    { to: '/shu/saya', id: 'mine', title: st('dashboard.mine'), body: st('mine.intro') },
  ];
  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <h1 data-testid="shu-dashboard-title">{st('dashboard.title')}</h1>
      <YearPicker year={year} onChange={setYear} />
      <ul className="card-grid">
        {tiles.map((tile) => (
          <li key={tile.id}>
            <Link
              to={`${tile.to}?tahun=${String(year)}`}
              className="card link-card"
              data-testid={`shu-tile-${tile.id}`}
            >
              <h2>{tile.title}</h2>
              <p className="muted small">{tile.body}</p>
            </Link>
          </li>
        ))}
      </ul>
      {running.isError && <ErrorMessage error={running.error} />}
      {running.isPending && <LoadingMessage />}
      {summary && (
        <>
          <Figures summary={summary} />
          <BusinessUnits summary={summary} />
          <section className="section">
            <h2 className="section-title">{st('dashboard.pools')}</h2>
            <PoolsTable pools={summary.pools} testId="shu-pools" />
          </section>
          <section className="section">
            <h2 className="section-title">{st('dashboard.lines')}</h2>
            <ParticipationTotals summary={summary} />
          </section>
          <section className="section">
            <h2 className="section-title">
              {st('dashboard.members', { count: summary.memberCount })}
            </h2>
            <MemberShares members={members} year={year} linkToMember />
            {running.hasNextPage && (
              <button
                type="button"
                className="button"
                disabled={running.isFetchingNextPage}
                onClick={() => void running.fetchNextPage()}
                data-testid="shu-members-more"
              >
                {st('loadMore')}
              </button>
            )}
          </section>
        </>
      )}
    </main>
  );
}

/** `/shu`: the board's running SHU; a kasir goes to the cash payouts, other members to their own. */
export function ShuDashboardPage() {
  const st = useShuText();
  const scope = useCooperativeScope();
  const permissions = scope ? shuPermissions(scope.roles) : null;
  // A kasir reads no one's SHU but pays it out; everyone else who reads none reads their own.
  if (permissions && !permissions.canReadAll)
    return <Navigate to={permissions.canPayCash ? '/shu/bayar-tunai' : '/shu/saya'} replace />;
  return (
    <ShuGate title={st('dashboard.title')} allows={(shuScope) => shuScope.shu.canReadAll}>
      {(shuScope) => <Dashboard scope={shuScope} />}
    </ShuGate>
  );
}

import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { formatDate, todayIso } from '../ledger/dates';
import { Amount, TableScroll } from '../ledger/ledger-ui';
import { bpsToPercentText } from '../loans/loans-helpers';
import { ScopeGate, type CooperativeScope } from '../members/member-scope';
import {
  currentShuYear,
  formulaWithNumbers,
  isCapitalKind,
  isParticipationSource,
  isStandardComponent,
  ratioText,
  readShuYear,
  yearChoices,
} from './shu-helpers';
import { shuPermissions, type ShuPermissions } from './shu-roles';
import { useShuText, type ShuText } from './shu-texts';
import type { ShuExplanation, ShuMemberShare, ShuPool } from './shu-types';

export interface ShuScope extends CooperativeScope {
  shu: ShuPermissions;
}

/** A SHU screen for those whose roles allow it; others see why (the server still decides). */
export function ShuGate({
  title,
  allows,
  children,
}: {
  title: string;
  allows: (scope: ShuScope) => boolean;
  children: (scope: ShuScope) => ReactNode;
}) {
  const withShu = (scope: CooperativeScope): ShuScope => ({
    ...scope,
    shu: shuPermissions(scope.roles),
  });
  return (
    <ScopeGate title={title} allows={(scope) => allows(withShu(scope))}>
      {(scope) => children(withShu(scope))}
    </ScopeGate>
  );
}

/** The fiscal year in the address (`?tahun=2026`), this year when absent, and a way to change it. */
export function useShuYear(): [number, (year: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const year = readShuYear(searchParams.get('tahun'), currentShuYear(todayIso()));
  const setYear = (next: number) => {
    setSearchParams(
      (params) => {
        params.set('tahun', String(next));
        return params;
      },
      { replace: true },
    );
  };
  return [year, setYear];
}

export function YearPicker({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const st = useShuText();
  const choices = yearChoices(currentShuYear(todayIso()));
  return (
    <label className="field inline-form">
      {st('year')}
      <select
        value={year}
        onChange={(event) => {
          onChange(Number(event.target.value));
        }}
        data-testid="shu-year"
      >
        {(choices.includes(year) ? choices : [year, ...choices]).map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A standard component in the reader's language; an added one by the name the rules gave it. */
export function componentLabel(st: ShuText, key: string, name: string): string {
  return isStandardComponent(key) ? st(`components.${key}`) : name;
}

export function sourceLabel(st: ShuText, key: string): string {
  return isParticipationSource(key) ? st(`sources.${key}`) : key;
}

/** Pools per component: its percentage, the amount, and (optionally) what non-members brought. */
export function PoolsTable({ pools, testId }: { pools: readonly ShuPool[]; testId?: string }) {
  const st = useShuText();
  const { locale } = useLocale();
  return (
    <TableScroll label={st('dashboard.pools')}>
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{st('dashboard.component')}</th>
            <th scope="col" className="numeric">
              %
            </th>
            <th scope="col" className="numeric">
              {st('dashboard.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {pools.map((pool) => (
            <tr key={pool.key} data-testid="shu-pool" data-key={pool.key} data-amount={pool.amount}>
              <td className="name-cell">{componentLabel(st, pool.key, pool.name)}</td>
              <td className="numeric">{bpsToPercentText(pool.bps, locale)}</td>
              <td className="numeric">
                <Amount value={pool.amount} isBare />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One base against its total: "you 325.000 of 40.575.000 (0,8 %)", the pool, your share. */
function BaseCard({
  label,
  member,
  total,
  pool,
  share,
  testId,
}: {
  label: string;
  member: string;
  total: string;
  pool: string;
  share: string;
  testId: string;
}) {
  const st = useShuText();
  const { locale } = useLocale();
  return (
    <li
      className="card"
      data-testid={testId}
      data-member={member}
      data-total={total}
      data-share={share}
    >
      <h3>{label}</h3>
      <dl className="details">
        <dt>{st('mine.yours')}</dt>
        <dd>
          <Amount value={member} />
        </dd>
        <dt>{st('mine.everyone')}</dt>
        <dd>
          <Amount value={total} />
        </dd>
        <dt>{st('mine.portion')}</dt>
        <dd>{ratioText(member, total, locale)}</dd>
        <dt>{st('mine.pool')}</dt>
        <dd>
          <Amount value={pool} />
        </dd>
        <dt>{st('mine.result')}</dt>
        <dd>
          <strong>
            <Amount value={share} />
          </strong>
        </dd>
      </dl>
    </li>
  );
}

/**
 * A member's SHU, explained: the estimate (and tax), capital against the total, participation per
 * business line against the total, the pools, the formula and the server's sentences in the
 * reader's language. Each figure carries its raw rupiah in data-* for tests.
 */
export function ShuExplanationView({ view }: { view: ShuExplanation }) {
  const st = useShuText();
  const { locale } = useLocale();
  const kinds = view.capital.kinds
    .map((kind) => (isCapitalKind(kind) ? st(`kinds.${kind}`) : kind))
    .join(' + ');
  return (
    <div data-testid="shu-explanation">
      <section className="card section" data-testid="shu-estimate" data-amount={view.share}>
        <p className="muted small">
          <span className={view.isEstimate ? 'badge muted-badge' : 'badge ok-badge'}>
            {view.isEstimate ? st('estimate') : st('final')}
          </span>{' '}
          {st('asOf', { date: formatDate(view.asOf, locale) })}
        </p>
        <h2>{st('mine.share')}</h2>
        <p className="balance-figure" data-testid="shu-share">
          <Amount value={view.share} />
        </p>
        {view.taxRateBps > 0 && (
          <dl className="details">
            <dt>{st('mine.tax', { percent: bpsToPercentText(view.taxRateBps, locale) })}</dt>
            <dd>
              <Amount value={view.tax} />
            </dd>
            <dt>{st('mine.net')}</dt>
            <dd data-testid="shu-net">
              <Amount value={view.net} />
            </dd>
          </dl>
        )}
        <p className="muted small">
          {st('mine.surplus')}: <Amount value={view.surplus} testId="shu-surplus" />
        </p>
      </section>

      <section className="section">
        <h2 className="section-title">{st('mine.capitalTitle')}</h2>
        <p className="muted small">
          {st('mine.capitalBasis', { kinds, method: st(`methods.${view.capital.method}`) })}
        </p>
        <ul className="stack">
          <BaseCard
            label={st('components.jasa_modal')}
            member={view.capital.member}
            total={view.capital.total}
            pool={view.capital.pool}
            share={view.capital.share}
            testId="shu-capital"
          />
        </ul>
      </section>

      <section className="section">
        <h2 className="section-title">{st('mine.participationTitle')}</h2>
        <ul className="stack">
          {view.participation.map((line) => (
            <BaseCard
              key={line.sourceKey}
              label={sourceLabel(st, line.sourceKey)}
              member={line.member}
              total={line.total}
              pool={line.pool}
              share={line.share}
              testId={`shu-participation-${line.sourceKey}`}
            />
          ))}
        </ul>
      </section>

      <section className="section">
        <h2 className="section-title">{st('mine.poolsTitle')}</h2>
        <PoolsTable pools={view.pools} testId="shu-pools" />
      </section>

      <section className="section">
        <h2 className="section-title">{st('mine.formulaTitle')}</h2>
        <p className="small">{st('mine.formulaWords')}</p>
        <p className="hash" data-testid="shu-formula">
          {formulaWithNumbers(view, locale)}
        </p>
      </section>

      <section className="section">
        <h2 className="section-title">{st('mine.explanationTitle')}</h2>
        <ul className="stack explanation" data-testid="shu-explanation-lines">
          {view.explanation.map((line, index) => (
            <li key={`${line.key}-${String(index)}`} data-key={line.key}>
              {line[locale]}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Members largest share first; a name opens that member's explanation. */
export function MemberShares({
  members,
  year,
  linkToMember,
}: {
  members: readonly ShuMemberShare[];
  year: number;
  linkToMember: boolean;
}) {
  const st = useShuText();
  if (members.length === 0) return <p className="muted">{st('dashboard.empty')}</p>;
  return (
    <TableScroll label={st('dashboard.member')}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{st('dashboard.member')}</th>
            <th scope="col" className="numeric">
              {st('dashboard.capital')}
            </th>
            <th scope="col" className="numeric">
              {st('dashboard.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const label = `${member.memberNumber ?? '—'} · ${member.fullName ?? ''}`;
            return (
              <tr
                key={member.membershipId}
                data-testid="shu-member"
                data-membership-id={member.membershipId}
                data-share={member.share}
              >
                <td className="name-cell">
                  {linkToMember ? (
                    <Link to={`/shu/anggota/${member.membershipId}?tahun=${String(year)}`}>
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                </td>
                <td className="numeric">
                  <Amount value={member.capitalBase} isBare />
                </td>
                <td className="numeric">
                  <Amount value={member.share} isBare />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, Notice, TableScroll } from '../ledger/ledger-ui';
import { formatRupiah } from '../ledger/rupiah';
import { BackLink } from '../members/member-scope';
import { useOwedShu, usePayShuInCash } from './shu-api';
import { useShuText } from './shu-texts';
import type { ShuCashPayout, ShuOwedShare } from './shu-types';
import { ShuGate } from './shu-ui';

/** One owed share: who, which year, the cash to hand over, and a two-step pay button. */
function OwedRow({
  item,
  isBusy,
  onPay,
}: {
  item: ShuOwedShare;
  isBusy: boolean;
  onPay: (item: ShuOwedShare) => void;
}) {
  const st = useShuText();
  const { locale } = useLocale();
  const [isConfirming, setIsConfirming] = useState(false);
  const amount = formatRupiah(item.net, locale);
  const name = `${item.memberNumber ?? '—'} · ${item.fullName ?? ''}`;
  return (
    <tr
      data-testid="shu-owed"
      data-membership-id={item.membershipId}
      data-member-number={item.memberNumber ?? ''}
      data-net={item.net}
    >
      <td className="name-cell">
        {name}{' '}
        {item.memberStatus !== 'aktif' && (
          <span className="badge muted-badge">{st('cash.notActive')}</span>
        )}
      </td>
      <td>{item.fiscalYearStart.slice(0, 4)}</td>
      <td className="numeric">
        <Amount value={item.share} isBare />
      </td>
      <td className="numeric">
        <Amount value={item.tax} isBare />
      </td>
      <td className="numeric">
        <Amount value={item.net} isBare />
      </td>
      <td>
        {isConfirming ? (
          <span className="inline-form">
            <span className="small">
              {st('cash.confirm', { amount, name: item.fullName ?? '' })}
            </span>{' '}
            <button
              type="button"
              className="button primary"
              disabled={isBusy}
              onClick={() => {
                setIsConfirming(false);
                onPay(item);
              }}
              data-testid="shu-owed-confirm"
            >
              {isBusy ? st('cash.paying') : st('cash.confirmYes')}
            </button>{' '}
            <button
              type="button"
              className="button"
              onClick={() => {
                setIsConfirming(false);
              }}
            >
              {st('cash.cancel')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button"
            disabled={isBusy}
            onClick={() => {
              setIsConfirming(true);
            }}
            data-testid="shu-owed-pay"
          >
            {st('cash.pay', { amount })}
          </button>
        )}
      </td>
    </tr>
  );
}

function PaidNotice({ receipt }: { receipt: ShuCashPayout }) {
  const st = useShuText();
  const { locale } = useLocale();
  return (
    <Notice testId="shu-cash-paid">
      {st('cash.paid', {
        name: receipt.fullName ?? receipt.memberNumber ?? '',
        amount: formatRupiah(receipt.net, locale),
        year: receipt.fiscalYearStart.slice(0, 4),
        tax: formatRupiah(receipt.tax, locale),
      })}
    </Notice>
  );
}

function CashPayout({ cooperativeId }: { cooperativeId: string }) {
  const st = useShuText();
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 300);
  const owed = useOwedShu(cooperativeId, debounced);
  const pay = usePayShuInCash(cooperativeId);
  const items = owed.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <h1 data-testid="shu-cash-title">{st('cash.title')}</h1>
      <p className="muted small">{st('cash.intro')}</p>
      <p className="small">
        {st('cash.session')} <Link to="/kasir">{st('cash.openSession')} →</Link>
      </p>
      {pay.isError && <ErrorMessage error={pay.error} testId="shu-cash-error" />}
      {pay.data && <PaidNotice receipt={pay.data} />}
      <label className="field">
        {st('cash.search')}
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          data-testid="shu-owed-search"
        />
      </label>
      {owed.isError && <ErrorMessage error={owed.error} />}
      {owed.isPending && <LoadingMessage />}
      {owed.isSuccess && items.length === 0 && <p className="muted">{st('cash.empty')}</p>}
      {items.length > 0 && (
        <TableScroll label={st('cash.title')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{st('cash.member')}</th>
                <th scope="col">{st('cash.year')}</th>
                <th scope="col" className="numeric">
                  {st('cash.share')}
                </th>
                <th scope="col" className="numeric">
                  {st('cash.tax')}
                </th>
                <th scope="col" className="numeric">
                  {st('cash.net')}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <OwedRow
                  key={`${item.distributionId}:${item.membershipId}`}
                  item={item}
                  isBusy={pay.isPending}
                  onPay={(chosen) => {
                    pay.mutate({
                      distributionId: chosen.distributionId,
                      membershipId: chosen.membershipId,
                    });
                  }}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {owed.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={owed.isFetchingNextPage}
          onClick={() => void owed.fetchNextPage()}
        >
          {st('loadMore')}
        </button>
      )}
      <p>
        <Link to="/shu/saya">{st('cash.mine')} →</Link>
      </p>
    </main>
  );
}

/**
 * `/shu/bayar-tunai`: the teller (kasir, bendahara) finds a member's SHU still owed — paid out in
 * cash, or left by a member who was not aktif at a sukarela payout — and pays it from the drawer.
 * Listed members include those who left, so the search is not the aktif-only member search.
 */
export function CashPayoutPage() {
  const st = useShuText();
  return (
    <ShuGate title={st('cash.title')} allows={(scope) => scope.shu.canPayCash}>
      {(scope) => <CashPayout cooperativeId={scope.cooperativeId} />}
    </ShuGate>
  );
}

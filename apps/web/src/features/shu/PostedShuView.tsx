import { useLocale } from '../../lib/use-locale';
import { formatDate, formatDateTime } from '../ledger/dates';
import { formatRupiah } from '../ledger/rupiah';
import { Amount } from '../ledger/ledger-ui';
import { useShuText } from './shu-texts';
import type { ShuPostedShare } from './shu-types';

/**
 * "SHU saya" once the year's distribution is posted: the RAT's figures for the member (share,
 * tax, net) and where the money went — sukarela savings, cash at the teller, or still to collect.
 * Raw rupiah in data-* for tests.
 */
export function PostedShuView({ year, posted }: { year: number; posted: ShuPostedShare }) {
  const st = useShuText();
  const { locale } = useLocale();
  const paidAt = posted.paidAt ? formatDateTime(posted.paidAt, locale) : '';
  return (
    <section
      className="card section"
      data-testid="shu-posted"
      data-share={posted.share}
      data-net={posted.net}
      data-paid-to={posted.paidTo ?? ''}
      data-owed={String(posted.isOwed)}
    >
      <p className="muted small">
        <span className={posted.isOwed ? 'badge danger-badge' : 'badge ok-badge'}>
          {posted.isOwed ? st('posted.owedBadge') : st('posted.paidBadge')}
        </span>
      </p>
      <h2>{st('posted.title', { year })}</h2>
      {posted.ratDate && (
        <p className="muted small">
          {st('posted.rat', {
            date: formatDate(posted.ratDate, locale),
            minutes: posted.minutesReference ?? '',
          })}
        </p>
      )}
      <dl className="details">
        <dt>{st('posted.share')}</dt>
        <dd>
          <Amount value={posted.share} />
        </dd>
        {posted.tax !== '0' && (
          <>
            <dt>{st('posted.tax')}</dt>
            <dd>
              <Amount value={posted.tax} />
            </dd>
          </>
        )}
        <dt>{st('posted.net')}</dt>
        <dd className="balance-figure" data-testid="shu-posted-net">
          <Amount value={posted.net} />
        </dd>
      </dl>
      <p data-testid="shu-posted-status">
        {posted.paidTo === 'sukarela' && st('posted.paidToSukarela', { date: paidAt })}
        {posted.paidTo === 'cash' && st('posted.paidInCash', { date: paidAt })}
        {posted.isOwed && st('posted.owed', { amount: formatRupiah(posted.net, locale) })}
      </p>
      <p className="muted small">{st('posted.estimateBelow')}</p>
    </section>
  );
}

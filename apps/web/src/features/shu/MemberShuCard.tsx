import { Link } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { todayIso } from '../ledger/dates';
import { Amount } from '../ledger/ledger-ui';
import { useMyShu } from './shu-api';
import { currentShuYear } from './shu-helpers';
import { useShuText } from './shu-texts';

/** The member home's SHU card: this year's running estimate, and the way to how it is computed. */
export function MemberShuCard({ cooperativeId }: { cooperativeId: string }) {
  const st = useShuText();
  const year = currentShuYear(todayIso());
  const shu = useMyShu(cooperativeId, year);
  return (
    <section className="card section" data-testid="member-shu-card">
      <h2>{st('title')}</h2>
      {shu.isError && <ErrorMessage error={shu.error} />}
      {shu.isPending && <LoadingMessage />}
      {shu.data && (
        <>
          <p className="muted small">{st('card.estimate', { year })}</p>
          <p
            className="balance-figure"
            data-testid="member-shu-estimate"
            data-amount={shu.data.share}
          >
            <Amount value={shu.data.share} />
          </p>
        </>
      )}
      <Link to={`/shu/saya?tahun=${String(year)}`} data-testid="member-shu-link">
        {st('card.open')} →
      </Link>
    </section>
  );
}

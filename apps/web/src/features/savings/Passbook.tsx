import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, TableScroll } from '../ledger/ledger-ui';
import { passbookPdfPath, usePassbook } from './savings-api';

/**
 * An account's passbook this year: opening balance, each movement with its running balance, and
 * the PDF for printing. Money in (credit) and out (debit) are the account's own view.
 */
export function Passbook({
  cooperativeId,
  accountId,
}: {
  cooperativeId: string;
  accountId: string;
}) {
  const { t } = useTranslation();
  const passbook = usePassbook(cooperativeId, accountId);
  if (passbook.isError) return <ErrorMessage error={passbook.error} />;
  if (passbook.isPending) return <LoadingMessage />;
  const first = passbook.data.pages[0];
  const lines = passbook.data.pages.flatMap((page) => page.lines);
  return (
    <section data-testid="passbook">
      {first && (
        <p className="muted small">
          {first.account.code} · {first.account.name} · {first.from} – {first.to}
        </p>
      )}
      <TableScroll label={t('savings.passbook.title')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('savings.passbook.date')}</th>
              <th scope="col">{t('savings.passbook.description')}</th>
              <th scope="col" className="numeric">
                {t('savings.passbook.in')}
              </th>
              <th scope="col" className="numeric">
                {t('savings.passbook.out')}
              </th>
              <th scope="col" className="numeric">
                {t('savings.passbook.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {first && (
              <tr className="opening-row">
                <td>{first.from}</td>
                <td>{t('savings.passbook.opening')}</td>
                <td />
                <td />
                <td className="numeric">
                  <Amount value={first.openingBalance} isBare />
                </td>
              </tr>
            )}
            {lines.map((line, index) => (
              <tr key={`${line.entryId}-${String(index)}`} data-testid="passbook-line">
                <td className="nowrap">{line.businessDate}</td>
                <td className="name-cell">{line.description}</td>
                <td className="numeric">
                  {line.credit !== '0' && <Amount value={line.credit} isBare />}
                </td>
                <td className="numeric">
                  {line.debit !== '0' && <Amount value={line.debit} isBare />}
                </td>
                <td className="numeric">
                  <Amount value={line.balance} isBare />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {lines.length === 0 && <p className="muted small">{t('savings.passbook.empty')}</p>}
      <div className="button-row section">
        {passbook.hasNextPage && (
          <button
            type="button"
            className="button"
            disabled={passbook.isFetchingNextPage}
            onClick={() => void passbook.fetchNextPage()}
          >
            {t('members.loadMore')}
          </button>
        )}
        <a className="button" href={passbookPdfPath(cooperativeId, accountId)} download>
          {t('savings.passbook.pdf')}
        </a>
      </div>
    </section>
  );
}

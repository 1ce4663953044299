import { useTranslation } from 'react-i18next';
import { Amount } from '../ledger/ledger-ui';
import type { SavingsReceipt } from './savings-types';

/** Date and time as the teller's drawer reads it (the browser's time zone). */
function formatPostedAt(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/**
 * A receipt, laid out to print on its own (the print stylesheet hides everything else, see
 * `.print-area` in styles.css): cooperative, number, member, amount, balance after and the
 * journal hash that anyone can check in the books.
 */
export function ReceiptView({
  receipt,
  cooperativeName,
}: {
  receipt: SavingsReceipt;
  cooperativeName: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <article className="card receipt print-area" data-testid="receipt">
      <header className="receipt-head">
        <p className="receipt-coop">{cooperativeName}</p>
        <h2>{t(`savings.receipt.types.${receipt.type}`)}</h2>
        <p className="muted small" data-testid="receipt-number">
          {t('savings.receipt.number', { number: receipt.receiptNumber })}
        </p>
      </header>
      <dl className="details receipt-lines">
        <dt>{t('savings.receipt.member')}</dt>
        <dd data-testid="receipt-member">
          {receipt.memberNumber} · {receipt.memberName}
        </dd>
        <dt>{t('savings.receipt.kind')}</dt>
        <dd>{t(`savings.kinds.${receipt.kind}`)}</dd>
        {receipt.counterparty && (
          <>
            <dt>{t('savings.receipt.to')}</dt>
            <dd>
              {receipt.counterparty.memberNumber} · {receipt.counterparty.memberName}
            </dd>
          </>
        )}
        <dt>{t('savings.receipt.amount')}</dt>
        <dd className="receipt-amount" data-testid="receipt-amount" data-amount={receipt.amount}>
          <Amount value={receipt.amount} />
        </dd>
        <dt>{t('savings.receipt.balanceAfter')}</dt>
        <dd data-testid="receipt-balance" data-amount={receipt.balanceAfter}>
          <Amount value={receipt.balanceAfter} />
        </dd>
        <dt>{t('savings.receipt.postedAt')}</dt>
        <dd>{formatPostedAt(receipt.postedAt, i18n.language)}</dd>
        <dt>{t('savings.receipt.businessDate')}</dt>
        <dd>{receipt.businessDate}</dd>
      </dl>
      <p className="hash small" title={receipt.entryHash}>
        {t('savings.receipt.hash')}: {receipt.entryHash.slice(0, 16)}…
      </p>
    </article>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { id as idCatalog } from '../../i18n/id';
import { ApiError } from '../../lib/api';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate, isIsoDate } from './dates';
import { useCheckpoints, useHighlights } from './ledger-api';
import { useMembershipScope } from './ledger-scope';
import {
  chainFromCheckpoints,
  humanizeKey,
  normalizeHighlights,
  type ChainMark,
  type FigureCard,
} from './report-shapes';
import { Amount } from './ledger-ui';
import { formatRupiah, groupDigits } from './rupiah';

type FigureLabelKey = keyof typeof idCatalog.figures.labels;

function isFigureLabelKey(key: string): key is FigureLabelKey {
  return Object.hasOwn(idCatalog.figures.labels, key);
}

function FigureValue({ card }: { card: FigureCard }) {
  const { locale } = useLocale();
  switch (card.unit) {
    case 'rupiah':
      return <>{formatRupiah(card.value, locale)}</>;
    case 'count':
      return <>{groupDigits(card.value, locale)}</>;
    case 'percent':
      return <>{card.value}%</>;
    case 'text':
      return <>{card.value}</>;
  }
}

function FigureCards({ cards }: { cards: FigureCard[] }) {
  const { t } = useTranslation();
  return (
    <ul className="card-grid figures-grid" data-testid="figures-highlights">
      {cards.map((card) => (
        <li key={card.key} className="card figure-card" data-testid="figure-card">
          <h3 className="small muted">
            {card.label ??
              (isFigureLabelKey(card.key)
                ? t(`figures.labels.${card.key}`)
                : humanizeKey(card.key))}
          </h3>
          <p className="balance-figure">
            <FigureValue card={card} />
          </p>
          {card.details.length > 0 && (
            <ul className="plain-list small figure-details">
              {card.details.map((detail) => (
                <li key={detail.label}>
                  <span>{detail.label}</span>
                  <Amount value={detail.value} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function dateText(value: string | null, locale: 'id' | 'en'): string {
  if (value === null) return '—';
  return formatDate(isIsoDate(value.slice(0, 10)) ? value.slice(0, 10) : value, locale);
}

function ChainProof({
  checkpoint,
  liveHead,
}: {
  checkpoint: ChainMark | null;
  liveHead: ChainMark | null;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const main = checkpoint ?? liveHead;
  return (
    <section className="card section" data-testid="figures-chain">
      <h2>{t('figures.chainTitle')}</h2>
      {main === null && <p className="muted">{t('figures.noEntries')}</p>}
      {checkpoint && (
        <>
          <p className="field-label">{t('figures.checkpointHash')}</p>
          <code className="hash hash-large" data-testid="chain-hash" data-kind="checkpoint">
            {checkpoint.hash}
          </code>
          <p className="muted small">
            {t('figures.checkpointMeta', {
              date: dateText(checkpoint.date, locale),
              count: checkpoint.entryCount ?? checkpoint.lastSequence ?? 0,
            })}
          </p>
        </>
      )}
      {!checkpoint && liveHead && (
        <>
          <p className="muted small">{t('figures.noCheckpoint')}</p>
          <p className="field-label">{t('figures.liveHash')}</p>
          <code className="hash hash-large" data-testid="chain-hash" data-kind="live">
            {liveHead.hash}
          </code>
          {liveHead.lastSequence !== null && (
            <p className="muted small">
              {t('figures.liveMeta', { sequence: liveHead.lastSequence })}
            </p>
          )}
        </>
      )}
      {checkpoint && liveHead && liveHead.hash !== checkpoint.hash && (
        <>
          <p className="field-label">{t('figures.liveHash')}</p>
          <code className="hash" data-testid="live-hash">
            {liveHead.hash}
          </code>
          {liveHead.lastSequence !== null && (
            <p className="muted small">
              {t('figures.liveMeta', { sequence: liveHead.lastSequence })}
            </p>
          )}
        </>
      )}
      <p className="explanation" data-testid="chain-explanation">
        {t('figures.explanation')}
      </p>
    </section>
  );
}

/**
 * `/angka`, "Koperasi dalam angka": the cooperative's headline figures and the latest checkpoint
 * of its hash chain, for every member. Reads the highlights endpoint; when that carries no hash
 * (or is not there), the member-readable checkpoints endpoint gives the same proof.
 */
export function CooperativeFiguresPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const scope = useMembershipScope();
  const cooperativeId = scope?.cooperativeId ?? '';
  const highlights = useHighlights(cooperativeId);
  const view = highlights.isSuccess ? normalizeHighlights(highlights.data, locale) : null;
  const needsCheckpoints =
    scope !== null &&
    (highlights.isError || (view !== null && view.checkpoint === null && view.liveHead === null));
  const checkpoints = useCheckpoints(cooperativeId, needsCheckpoints);
  const chain =
    view && (view.checkpoint || view.liveHead)
      ? view
      : checkpoints.isSuccess
        ? chainFromCheckpoints(checkpoints.data)
        : null;
  const highlightsMissing =
    highlights.isError && highlights.error instanceof ApiError && highlights.error.status === 404;

  if (scope === null) {
    return (
      <main className="page">
        <h1>{t('figures.title')}</h1>
        <p className="muted">{t('figures.noCooperative')}</p>
        <Link to="/">{t('app.backHome')}</Link>
      </main>
    );
  }

  return (
    <main className="page">
      <h1 data-testid="figures-title">{t('figures.title')}</h1>
      <p className="muted">{t('figures.intro', { cooperative: scope.cooperativeName })}</p>
      {view?.asOf && (
        <p className="small muted">{t('figures.asOf', { date: dateText(view.asOf, locale) })}</p>
      )}
      <h2 className="section-title">{t('figures.highlights')}</h2>
      {highlights.isPending && <LoadingMessage />}
      {highlights.isError && !highlightsMissing && <ErrorMessage error={highlights.error} />}
      {(highlightsMissing || (view !== null && view.cards.length === 0)) && (
        <p className="muted" data-testid="figures-unavailable">
          {t('figures.highlightsUnavailable')}
        </p>
      )}
      {view && view.cards.length > 0 && <FigureCards cards={view.cards} />}
      {chain ? (
        <ChainProof checkpoint={chain.checkpoint} liveHead={chain.liveHead} />
      ) : (
        <>
          {checkpoints.isFetching && <LoadingMessage />}
          {checkpoints.isError && <ErrorMessage error={checkpoints.error} />}
          {checkpoints.isSuccess && <ChainProof checkpoint={null} liveHead={null} />}
        </>
      )}
      <Link to="/" className="back-link">
        ← {t('app.backHome')}
      </Link>
    </main>
  );
}

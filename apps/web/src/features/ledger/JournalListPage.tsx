import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate } from './dates';
import { useJournalEntries, type JournalFilters } from './ledger-api';
import { useLedgerScope } from './ledger-scope';
import type { JournalEntryView } from './ledger-types';
import { Amount, sourceTypeOptions, useSourceTypeLabel } from './ledger-ui';

function filtersFrom(params: URLSearchParams): JournalFilters {
  return {
    from: params.get('dari') ?? '',
    to: params.get('sampai') ?? '',
    sourceType: params.get('sumber') ?? '',
  };
}

function FilterForm({
  filters,
  onApply,
}: {
  filters: JournalFilters;
  onApply: (filters: JournalFilters) => void;
}) {
  const { t } = useTranslation();
  const sourceLabel = useSourceTypeLabel();
  const [draft, setDraft] = useState(filters);
  const options =
    sourceTypeOptions.includes(filters.sourceType) || filters.sourceType === ''
      ? sourceTypeOptions
      : [...sourceTypeOptions, filters.sourceType];

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <details className="card filters" open={filters.from !== '' || filters.to !== ''}>
      <summary>{t('ledger.journal.filters')}</summary>
      <form className="form" onSubmit={submit}>
        <div className="field-row">
          <label className="field">
            <span>{t('ledger.journal.from')}</span>
            <input
              type="date"
              value={draft.from}
              max={draft.to || undefined}
              onChange={(event) => {
                setDraft({ ...draft, from: event.target.value });
              }}
              data-testid="journal-filter-from"
            />
          </label>
          <label className="field">
            <span>{t('ledger.journal.to')}</span>
            <input
              type="date"
              value={draft.to}
              min={draft.from || undefined}
              onChange={(event) => {
                setDraft({ ...draft, to: event.target.value });
              }}
              data-testid="journal-filter-to"
            />
          </label>
        </div>
        <label className="field">
          <span>{t('ledger.journal.sourceType')}</span>
          <select
            value={draft.sourceType}
            onChange={(event) => {
              setDraft({ ...draft, sourceType: event.target.value });
            }}
            data-testid="journal-filter-source"
          >
            <option value="">{t('ledger.journal.allSources')}</option>
            {options.map((option) => (
              <option key={option} value={option}>
                {sourceLabel(option)}
              </option>
            ))}
          </select>
        </label>
        <div className="button-row">
          <button type="submit" className="button primary" data-testid="journal-filter-apply">
            {t('ledger.journal.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              const cleared = { from: '', to: '', sourceType: '' };
              setDraft(cleared);
              onApply(cleared);
            }}
          >
            {t('ledger.journal.reset')}
          </button>
        </div>
      </form>
    </details>
  );
}

function EntryRow({ entry }: { entry: JournalEntryView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const sourceLabel = useSourceTypeLabel();
  return (
    <li>
      <Link
        to={`/pembukuan/jurnal/${entry.id}`}
        className="card link-card entry-card"
        data-testid="journal-entry"
      >
        <span className="entry-card-head">
          <strong>{t('ledger.journal.entryNumber', { sequence: entry.sequence })}</strong>
          <Amount value={entry.totalAmount} />
        </span>
        <span className="entry-memo">{entry.memo}</span>
        <span className="muted small">
          {formatDate(entry.businessDate, locale)} · {sourceLabel(entry.sourceType)}
        </span>
      </Link>
    </li>
  );
}

/** `/pembukuan/jurnal`: every entry, newest first, filtered by dates and source, paged. */
export function JournalListPage() {
  const { t } = useTranslation();
  const { cooperativeId } = useLedgerScope();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const entries = useJournalEntries(cooperativeId, filters);
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  function apply(next: JournalFilters) {
    const search = new URLSearchParams();
    if (next.from) search.set('dari', next.from);
    if (next.to) search.set('sampai', next.to);
    if (next.sourceType) search.set('sumber', next.sourceType);
    setParams(search, { replace: true });
  }

  return (
    <>
      <h1>{t('ledger.journal.title')}</h1>
      <FilterForm key={params.toString()} filters={filters} onApply={apply} />
      {entries.isPending && <LoadingMessage />}
      {entries.isError && <ErrorMessage error={entries.error} />}
      {entries.isSuccess && items.length === 0 && (
        <p className="muted">{t('ledger.journal.empty')}</p>
      )}
      <ul className="stack" data-testid="journal-list">
        {items.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </ul>
      {entries.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={entries.isFetchingNextPage}
          onClick={() => void entries.fetchNextPage()}
          data-testid="journal-load-more"
        >
          {entries.isFetchingNextPage ? t('app.loading') : t('ledger.loadMore')}
        </button>
      )}
    </>
  );
}

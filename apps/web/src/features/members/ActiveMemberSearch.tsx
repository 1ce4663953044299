import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { useMemberSearch } from './members-api';

/** The member a teller picked. */
export interface ChosenMember {
  membershipId: string;
  memberNumber: string;
  fullName: string;
}

/**
 * A teller's member search: number, NIK, phone or name, aktif members only, one tap to choose.
 * The savings and loans counters share it; each names its own label and test ids.
 */
export function ActiveMemberSearch({
  cooperativeId,
  label,
  testIds,
  onChoose,
}: {
  cooperativeId: string;
  label: string;
  testIds: { search: string; result: string };
  onChoose: (member: ChosenMember) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 300);
  const search = useMemberSearch(cooperativeId, debounced);
  const results = (search.data ?? []).filter((member) => member.status === 'aktif');
  return (
    <>
      <label className="field">
        {label}
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          placeholder={t('members.search.placeholder')}
          data-testid={testIds.search}
        />
      </label>
      {debounced !== '' && (
        <div aria-live="polite">
          {search.isError && <ErrorMessage error={search.error} />}
          {search.isPending && <LoadingMessage />}
          {search.isSuccess && results.length === 0 && (
            <p className="muted small">{t('members.search.empty')}</p>
          )}
          <ul className="plain-list result-list">
            {results.map((member) => (
              <li key={member.membershipId}>
                <button
                  type="button"
                  className="result-button"
                  onClick={() => {
                    onChoose({
                      membershipId: member.membershipId,
                      memberNumber: member.memberNumber ?? '',
                      fullName: member.fullName,
                    });
                  }}
                  data-testid={testIds.result}
                  data-member-number={member.memberNumber ?? ''}
                >
                  <span className="member-number">{member.memberNumber ?? '—'}</span>
                  <span className="member-name">{member.fullName}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

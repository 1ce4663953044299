import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { byCode } from './account-lookup';
import { useAccounts, useAddAccount, useChangeAccount } from './ledger-api';
import { useLedgerScope } from './ledger-scope';
import {
  accountClassList,
  businessUnitList,
  type AccountClass,
  type AccountView,
  type BusinessUnit,
} from './ledger-types';
import { AccountCell, Amount, Notice, TableScroll } from './ledger-ui';

function AddAccountForm({ onDone }: { onDone: (code: string | null) => void }) {
  const { t } = useTranslation();
  const { cooperativeId } = useLedgerScope();
  const addAccount = useAddAccount(cooperativeId);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [accountClass, setAccountClass] = useState<AccountClass>('asset');
  const [businessUnit, setBusinessUnit] = useState<BusinessUnit | ''>('');
  // Only revenue and expense make a unit's surplus; other classes stay umum.
  const takesUnit = accountClass === 'revenue' || accountClass === 'expense';

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      code: code.trim(),
      name: name.trim(),
      class: accountClass,
      ...(takesUnit && businessUnit ? { businessUnit } : {}),
    };
    addAccount.mutate(input, {
      onSuccess: () => {
        onDone(input.code);
      },
    });
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="account-add-form">
      <h2>{t('ledger.accounts.addTitle')}</h2>
      <label className="field">
        <span>{t('ledger.accounts.code')}</span>
        <input
          required
          pattern="[0-9A-Za-z][0-9A-Za-z.\-]{0,39}"
          placeholder={t('ledger.accounts.codeHint')}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
          }}
          data-testid="account-add-code"
        />
      </label>
      <label className="field">
        <span>{t('ledger.accounts.name')}</span>
        <input
          required
          minLength={2}
          maxLength={160}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          data-testid="account-add-name"
        />
      </label>
      <label className="field">
        <span>{t('ledger.accounts.class')}</span>
        <select
          value={accountClass}
          onChange={(event) => {
            setAccountClass(event.target.value as AccountClass);
          }}
          data-testid="account-add-class"
        >
          {accountClassList.map((option) => (
            <option key={option} value={option}>
              {t(`ledger.classes.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {takesUnit && (
        <label className="field">
          <span>{t('ledger.accounts.businessUnit')}</span>
          <select
            value={businessUnit}
            onChange={(event) => {
              setBusinessUnit(event.target.value as BusinessUnit | '');
            }}
            data-testid="account-add-business-unit"
          >
            <option value="">{t('ledger.businessUnits.umum')}</option>
            {businessUnitList.map((option) => (
              <option key={option} value={option}>
                {t(`ledger.businessUnits.${option}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {addAccount.isError && <ErrorMessage error={addAccount.error} />}
      <div className="button-row">
        <button
          type="submit"
          className="button primary"
          disabled={addAccount.isPending}
          data-testid="account-add-submit"
        >
          {addAccount.isPending ? t('ledger.saving') : t('ledger.accounts.save')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            onDone(null);
          }}
        >
          {t('ledger.cancel')}
        </button>
      </div>
    </form>
  );
}

function RenameForm({
  account,
  onDone,
}: {
  account: AccountView;
  onDone: (code: string | null) => void;
}) {
  const { t } = useTranslation();
  const { cooperativeId } = useLedgerScope();
  const change = useChangeAccount(cooperativeId);
  const [name, setName] = useState(account.name);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate(
      { accountId: account.id, name: name.trim() },
      {
        onSuccess: () => {
          onDone(account.code);
        },
      },
    );
  }

  return (
    <form className="card form" onSubmit={submit} data-testid="account-rename-form">
      <label className="field">
        <span>{t('ledger.accounts.renameLabel', { code: account.code })}</span>
        <input
          required
          minLength={2}
          maxLength={160}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
          data-testid="account-rename-name"
        />
      </label>
      {change.isError && <ErrorMessage error={change.error} />}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={change.isPending}>
          {change.isPending ? t('ledger.saving') : t('ledger.accounts.saveName')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            onDone(null);
          }}
        >
          {t('ledger.cancel')}
        </button>
      </div>
    </form>
  );
}

/** `/pembukuan/akun`: the chart of accounts; the bendahara adds, renames and (de)activates. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { cooperativeId, permissions } = useLedgerScope();
  const accounts = useAccounts(cooperativeId);
  const change = useChangeAccount(cooperativeId);
  const [isAdding, setIsAdding] = useState(false);
  const [renaming, setRenaming] = useState<AccountView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = [...(accounts.data ?? [])].sort(byCode);

  function toggleActive(account: AccountView) {
    setNotice(null);
    change.mutate(
      { accountId: account.id, isActive: !account.isActive },
      {
        onSuccess: () => {
          setNotice(t('ledger.accounts.changed', { code: account.code }));
        },
      },
    );
  }

  return (
    <>
      <div className="title-row">
        <h1>{t('ledger.accounts.title')}</h1>
        {permissions.canManageAccounts && !isAdding && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setIsAdding(true);
              setNotice(null);
            }}
            data-testid="account-add"
          >
            {t('ledger.accounts.add')}
          </button>
        )}
      </div>
      {notice && <Notice testId="account-notice">{notice}</Notice>}
      {isAdding && (
        <AddAccountForm
          onDone={(code) => {
            setIsAdding(false);
            if (code) setNotice(t('ledger.accounts.added', { code }));
          }}
        />
      )}
      {renaming && (
        <RenameForm
          key={renaming.id}
          account={renaming}
          onDone={(code) => {
            setRenaming(null);
            if (code) setNotice(t('ledger.accounts.changed', { code }));
          }}
        />
      )}
      {change.isError && <ErrorMessage error={change.error} />}
      {accounts.isPending && <LoadingMessage />}
      {accounts.isError && <ErrorMessage error={accounts.error} />}
      {accounts.isSuccess && rows.length === 0 && (
        <p className="muted">{t('ledger.accounts.empty')}</p>
      )}
      {rows.length > 0 && (
        <TableScroll label={t('ledger.accounts.title')}>
          <table className="data-table" data-testid="accounts-table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.columns.account')}</th>
                <th scope="col">{t('ledger.columns.class')}</th>
                <th scope="col" className="numeric">
                  {t('ledger.columns.balanceRp')}
                </th>
                {permissions.canManageAccounts && (
                  <th scope="col">{t('ledger.columns.actions')}</th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((account) => (
                <tr
                  key={account.id}
                  className={account.isActive ? undefined : 'is-inactive'}
                  data-testid="account-row"
                  data-code={account.code}
                  data-active={account.isActive}
                >
                  <td className="name-cell">
                    <AccountCell code={account.code}>
                      <Link to={`/pembukuan/buku-besar/${account.id}`}>{account.name}</Link>
                    </AccountCell>
                    {!account.isActive && (
                      <span className="badge muted-badge">{t('ledger.accounts.inactive')}</span>
                    )}
                    {account.isControl && (
                      <span className="badge">{t('ledger.accounts.control')}</span>
                    )}
                  </td>
                  <td className="nowrap">{t(`ledger.classes.${account.class}`)}</td>
                  <td className="numeric">
                    <Amount value={account.balance} isBare />
                  </td>
                  {permissions.canManageAccounts && (
                    <td className="actions-cell">
                      <button
                        type="button"
                        className="button small"
                        onClick={() => {
                          setRenaming(account);
                          setNotice(null);
                        }}
                      >
                        {t('ledger.accounts.rename')}
                      </button>
                      <button
                        type="button"
                        className="button small"
                        disabled={change.isPending}
                        onClick={() => {
                          toggleActive(account);
                        }}
                        data-testid="account-toggle-active"
                      >
                        {account.isActive
                          ? t('ledger.accounts.deactivate')
                          : t('ledger.accounts.reactivate')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

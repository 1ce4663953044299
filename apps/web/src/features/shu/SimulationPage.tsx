import type { Locale } from '@lumbung/shared';
import { useState, type FormEvent } from 'react';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, Notice } from '../ledger/ledger-ui';
import { bpsToPercentText } from '../loans/loans-helpers';
import { BackLink } from '../members/member-scope';
import { useSetShuRules, useShuRules, useSimulateShu } from './shu-api';
import {
  isStandardComponent,
  newComponentFields,
  readRulesForm,
  rulesFieldsOf,
  rulesInputOf,
  totalBpsOf,
  wholeBps,
  type ComponentFields,
  type RulesFields,
  type RulesProblem,
} from './shu-helpers';
import { useShuText, type ShuText } from './shu-texts';
import { capitalKindNames, capitalMethodNames, type ShuRules } from './shu-types';
import {
  componentLabel,
  MemberShares,
  PoolsTable,
  ShuGate,
  sourceLabel,
  useShuYear,
  YearPicker,
  type ShuScope,
} from './shu-ui';

export function problemText(st: ShuText, problem: RulesProblem, locale: Locale): string {
  switch (problem.code) {
    case 'components_not_whole':
    case 'participation_not_whole':
      return st(`simulation.problems.${problem.code}`, {
        percent: bpsToPercentText(problem.totalBps, locale),
      });
    case 'key_invalid':
    case 'duplicate_key':
    case 'component_needs_account':
      return st(`simulation.problems.${problem.code}`, { key: problem.key });
    case 'percent_invalid':
    case 'cadangan_required':
    case 'capital_kinds_empty':
      return st(`simulation.problems.${problem.code}`);
  }
}

function TotalLine({ percents, testId }: { percents: readonly string[]; testId: string }) {
  const st = useShuText();
  const { locale } = useLocale();
  const total = totalBpsOf(percents);
  return (
    <p
      className={total === wholeBps ? 'small muted' : 'small field-error'}
      data-testid={testId}
      data-bps={total}
    >
      {st('simulation.total', { percent: bpsToPercentText(total, locale) })}
    </p>
  );
}

function ComponentRow({
  field,
  onChange,
  onRemove,
}: {
  field: ComponentFields;
  onChange: (field: ComponentFields) => void;
  onRemove: () => void;
}) {
  const st = useShuText();
  const isStandard = isStandardComponent(field.key);
  const percent = (
    <label className="field">
      {isStandard ? componentLabel(st, field.key, field.name) : '%'}
      <input
        inputMode="decimal"
        value={field.percent}
        onChange={(event) => {
          onChange({ ...field, percent: event.target.value });
        }}
        data-testid={`shu-component-${field.key}`}
      />
    </label>
  );
  if (isStandard) return <li>{percent}</li>;
  return (
    <li className="card">
      <div className="field-row">
        <label className="field">
          {st('simulation.key')}
          <input
            value={field.key}
            onChange={(event) => {
              onChange({ ...field, key: event.target.value });
            }}
          />
        </label>
        <label className="field">
          {st('simulation.name')}
          <input
            value={field.name}
            onChange={(event) => {
              onChange({ ...field, name: event.target.value });
            }}
          />
        </label>
        <label className="field">
          {st('simulation.account')}
          <input
            value={field.accountCode}
            onChange={(event) => {
              onChange({ ...field, accountCode: event.target.value });
            }}
          />
        </label>
        {percent}
      </div>
      <button type="button" className="link-button" onClick={onRemove}>
        {st('simulation.remove')}
      </button>
    </li>
  );
}

function RulesForm({ scope, year, rules }: { scope: ShuScope; year: number; rules: ShuRules }) {
  const st = useShuText();
  const { locale } = useLocale();
  const [fields, setFields] = useState<RulesFields>(() =>
    rulesFieldsOf(rulesInputOf(rules), locale),
  );
  const [problems, setProblems] = useState<RulesProblem[]>([]);
  const simulate = useSimulateShu(scope.cooperativeId, year);
  const save = useSetShuRules(scope.cooperativeId, year);
  const change = (next: RulesFields) => {
    setFields(next);
    setProblems([]);
    save.reset();
  };
  const read = () => {
    const result = readRulesForm(fields);
    setProblems(result.ok ? [] : result.errors);
    return result.ok ? result.value : null;
  };
  const onSimulate = (event: FormEvent) => {
    event.preventDefault();
    const value = read();
    if (value) simulate.mutate(value);
  };
  const onSave = () => {
    const value = read();
    if (value) save.mutate(value);
  };
  const canSave = scope.shu.canPropose && !rules.isFrozen;
  return (
    <form className="form" onSubmit={onSimulate} noValidate data-testid="shu-rules-form">
      <fieldset className="card">
        <legend>{st('simulation.components')}</legend>
        <ul className="stack">
          {fields.components.map((field, index) => (
            <ComponentRow
              key={index}
              field={field}
              onChange={(next) => {
                change({
                  ...fields,
                  components: fields.components.map((old, at) => (at === index ? next : old)),
                });
              }}
              onRemove={() => {
                change({
                  ...fields,
                  components: fields.components.filter((_, at) => at !== index),
                });
              }}
            />
          ))}
        </ul>
        <TotalLine
          percents={fields.components.map((field) => field.percent)}
          testId="shu-components-total"
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            change({
              ...fields,
              components: [...fields.components, newComponentFields(fields.components)],
            });
          }}
        >
          {st('simulation.add')}
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>{st('simulation.participation')}</legend>
        {fields.participation.map((line, index) => (
          <label key={line.sourceKey} className="field">
            {sourceLabel(st, line.sourceKey)}
            <input
              inputMode="decimal"
              value={line.percent}
              onChange={(event) => {
                change({
                  ...fields,
                  participation: fields.participation.map((old, at) =>
                    at === index ? { ...old, percent: event.target.value } : old,
                  ),
                });
              }}
              data-testid={`shu-participation-${line.sourceKey}`}
            />
          </label>
        ))}
        <TotalLine
          percents={fields.participation.map((line) => line.percent)}
          testId="shu-participation-total"
        />
      </fieldset>

      <fieldset className="card">
        <legend>{st('simulation.capital')}</legend>
        {capitalKindNames.map((kind) => (
          <label key={kind} className="block">
            <input
              type="checkbox"
              checked={fields.capitalKinds.includes(kind)}
              onChange={(event) => {
                change({
                  ...fields,
                  capitalKinds: event.target.checked
                    ? [...fields.capitalKinds, kind]
                    : fields.capitalKinds.filter((old) => old !== kind),
                });
              }}
              data-testid={`shu-capital-${kind}`}
            />{' '}
            {st(`kinds.${kind}`)}
          </label>
        ))}
        <label className="field">
          <select
            value={fields.capitalMethod}
            onChange={(event) => {
              const method = capitalMethodNames.find((name) => name === event.target.value);
              if (method) change({ ...fields, capitalMethod: method });
            }}
            data-testid="shu-capital-method"
          >
            {capitalMethodNames.map((method) => (
              <option key={method} value={method}>
                {st(`methods.${method}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {st('simulation.tax')}
          <select
            value={fields.taxRateBps}
            onChange={(event) => {
              change({ ...fields, taxRateBps: Number(event.target.value) });
            }}
            data-testid="shu-tax"
          >
            {[0, 1_000].map((bps) => (
              <option key={bps} value={bps}>
                {bpsToPercentText(bps, locale)} %
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      {problems.length > 0 && (
        <ul className="error" role="alert" data-testid="shu-rules-problems">
          {problems.map((problem, index) => (
            <li key={index} data-testid="shu-rules-problem" data-code={problem.code}>
              {problemText(st, problem, locale)}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button primary"
          disabled={simulate.isPending}
          data-testid="shu-simulate"
        >
          {simulate.isPending ? st('simulation.running') : st('simulation.run')}
        </button>
        {canSave && (
          <button
            type="button"
            className="button"
            disabled={save.isPending}
            onClick={onSave}
            data-testid="shu-rules-save"
          >
            {save.isPending ? st('simulation.saving') : st('simulation.save', { year })}
          </button>
        )}
      </div>
      {save.isError && <ErrorMessage error={save.error} testId="shu-rules-save-error" />}
      {save.data && (
        <Notice testId="shu-rules-saved">
          {st('simulation.saved', { year, version: save.data.active.version })}
        </Notice>
      )}
      {simulate.isError && <ErrorMessage error={simulate.error} testId="shu-simulate-error" />}
      {simulate.data && (
        <section className="section" data-testid="shu-simulation-result">
          <h2 className="section-title">{st('simulation.result')}</h2>
          <p>
            {st('dashboard.surplus')}: <Amount value={simulate.data.surplus} />
          </p>
          <PoolsTable pools={simulate.data.pools} testId="shu-simulated-pools" />
          <h3>{st('dashboard.members', { count: simulate.data.memberCount })}</h3>
          <MemberShares members={simulate.data.members} year={year} linkToMember={false} />
        </section>
      )}
    </form>
  );
}

function Simulation({ scope }: { scope: ShuScope }) {
  const st = useShuText();
  const [year, setYear] = useShuYear();
  const rules = useShuRules(scope.cooperativeId, year);
  const active = rules.data?.active;
  return (
    <main className="page">
      <BackLink to={`/shu?tahun=${String(year)}`}>{st('dashboard.title')}</BackLink>
      <h1 data-testid="shu-simulation-title">{st('simulation.title')}</h1>
      <p className="muted small">{st('simulation.intro')}</p>
      <YearPicker year={year} onChange={setYear} />
      {active?.isFrozen && <p className="notice">{st('simulation.frozen')}</p>}
      {rules.isError && <ErrorMessage error={rules.error} />}
      {rules.isPending && <LoadingMessage />}
      {active && <RulesForm key={year} scope={scope} year={year} rules={active} />}
    </main>
  );
}

/** `/shu/simulasi`: change percentages and bases, see the distribution, save it as the rules. */
export function SimulationPage() {
  const st = useShuText();
  return (
    <ShuGate title={st('simulation.title')} allows={(scope) => scope.shu.canSimulate}>
      {(scope) => <Simulation scope={scope} />}
    </ShuGate>
  );
}

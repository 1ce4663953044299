import { useTranslation } from 'react-i18next';
import { useActiveContext } from './ActiveContextProvider';
import { choiceValueOf, type ActiveContext, type ContextChoice } from './active-context';

function useChoiceLabel(): (choice: ContextChoice) => string {
  const { t } = useTranslation();
  return (choice) => {
    switch (choice.kind) {
      case 'membership':
        return choice.cooperativeName;
      case 'oversight':
        return t('context.oversight');
    }
  };
}

function useActiveLabel(): (active: ActiveContext) => string {
  const { t } = useTranslation();
  return (active) => {
    switch (active.kind) {
      case 'membership':
        return active.membership.cooperativeName;
      case 'oversight':
        return t('context.oversight');
      case 'none':
        return t('context.none');
    }
  };
}

/** The active cooperative's name, and a select to switch when there is more than one context. */
export function CooperativeSwitcher() {
  const { t } = useTranslation();
  const { active, choices, choose } = useActiveContext();
  const labelOf = useChoiceLabel();
  const activeLabelOf = useActiveLabel();
  return (
    <div className="context-bar">
      <span
        className="active-cooperative"
        data-testid="active-cooperative"
        title={t('context.label')}
      >
        {activeLabelOf(active)}
      </span>
      {choices.length > 1 && (
        <label className="context-switch">
          <span className="small">{t('context.switch')}</span>
          <select
            className="context-switcher"
            data-testid="cooperative-switcher"
            value={choiceValueOf(active)}
            onChange={(event) => {
              choose(event.target.value);
            }}
          >
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {labelOf(choice)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

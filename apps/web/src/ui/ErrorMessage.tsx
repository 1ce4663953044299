import { errorText } from '../lib/api';
import { useLocale } from '../lib/use-locale';

/** An error in the UI's language, announced to screen readers as it appears. */
export function ErrorMessage({ error, testId }: { error: unknown; testId?: string }) {
  const { locale } = useLocale();
  return (
    <p className="error" role="alert" data-testid={testId}>
      {errorText(error, locale)}
    </p>
  );
}

import { M365_QUERY_PARAMS, type PublicCard, type PublicDeployment } from '@saatja/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { LazyPart, lazyPart } from '../../../components/ui/lazy-part';
import { translateError } from '../../../lib/translate-error';
import { getCard } from '../api/get-card';
import { CardForm, type CardSlot } from './card-form';

/** Only a return from Microsoft 365's sign-in in the same window (a blocked popup) needs the banner's code. */
const M365ReturnBanner = lazyPart(() => import('./m365-return-banner').then((m) => m.M365ReturnBanner));
const returnedFromM365 = () => {
  const query = new URLSearchParams(window.location.search);
  return M365_QUERY_PARAMS.some((name) => query.has(name));
};

/** A user card: the signed-in user's own, or (for admins) the one of `userCode`. */
interface CardPageProps {
  deployment: PublicDeployment;
  userCode?: string;
  /** The own card, already read at start-up. */
  prefetched?: PublicCard | undefined;
  /** A panel the app composes into the card (the deliverability advice). */
  advice?: CardSlot | undefined;
}

export function CardPage({ deployment, userCode, prefetched, advice }: CardPageProps) {
  const { t } = useTranslation();
  const [card, setCard] = useState<PublicCard | null>(prefetched ?? null);
  const [error, setError] = useState<unknown>(null);

  const [first] = useState(prefetched);
  const [returned] = useState(returnedFromM365);
  useEffect(() => {
    if (!first) getCard(userCode).then(setCard, setError);
  }, [first, userCode]);

  return (
    <main className="page">
      {returned && (
        <LazyPart>
          <M365ReturnBanner />
        </LazyPart>
      )}
      {error ? (
        <Banner tone="error">{translateError(t, error)}</Banner>
      ) : !card ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <CardForm card={card} deployment={deployment} userCode={userCode} onSaved={setCard} advice={advice} />
      )}
    </main>
  );
}

import type { PublicCard, PublicDeployment } from '@saatja/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getCard } from '../api/get-card';
import { CardForm, type CardSlot } from './card-form';
import { M365ReturnBanner } from './m365-return-banner';

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
  useEffect(() => {
    if (!first) getCard(userCode).then(setCard, setError);
  }, [first, userCode]);

  return (
    <main className="page">
      <M365ReturnBanner />
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

import type { PublicCard, PublicDeployment } from '@saatja/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getCard } from '../api/get-card';
import { CardForm } from './card-form';

export function CardPage({ deployment }: { deployment: PublicDeployment }) {
  const { t } = useTranslation();
  const [card, setCard] = useState<PublicCard | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    getCard().then(setCard, setError);
  }, []);

  return (
    <main className="page">
      {error ? (
        <Banner tone="error">{translateError(t, error)}</Banner>
      ) : !card ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <CardForm card={card} deployment={deployment} onSaved={setCard} />
      )}
    </main>
  );
}

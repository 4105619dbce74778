import { adviseSmtp, type SmtpAdvice } from '@saatja/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import type { CardFormValues } from '../card-form-values';

/** Warnings about the SMTP draft, each with its one-click fix; nothing is changed without a click. */
export function SmtpAdviceList({ vendor }: { vendor: string }) {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<CardFormValues>();
  const smtp = useWatch({ control, name: 'mailSender.smtp' });
  const options = { shouldDirty: true };
  const securityLabel = (security: 'ssl' | 'starttls') => t(`card.securityModes.${security}`);

  const render = (item: SmtpAdvice) => {
    switch (item.kind) {
      case 'plainText':
        return <Banner tone="warning">{t('card.plainTextWarning', { vendor })}</Banner>;
      case 'tlsMismatch':
        return (
          <Banner tone="warning">
            {t('advice.tlsMismatch', { port: smtp.port, recommended: securityLabel(item.recommended) })}
            <button
              type="button"
              className="button button--small"
              onClick={() => setValue('mailSender.smtp.security', item.recommended, options)}
            >
              {t('advice.applyRecommended', { recommended: securityLabel(item.recommended) })}
            </button>
          </Banner>
        );
      case 'useM365':
        return (
          <Banner tone="warning">
            {t('advice.useM365')}
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setValue('mailSender.m365.user', smtp.user.includes('@') ? smtp.user : '', options);
                setValue('mailSender.mode', 'm365', options);
              }}
            >
              {t('advice.switchToM365')}
            </button>
          </Banner>
        );
      case 'gmailAppPassword':
        return <Banner tone="warning">{t('advice.gmailAppPassword')}</Banner>;
      case 'maileeRateLimit':
        return <Banner tone="info">{t('advice.maileeRateLimit')}</Banner>;
    }
  };

  return (
    <>
      {adviseSmtp(smtp).map((item) => (
        <div key={item.kind}>{render(item)}</div>
      ))}
    </>
  );
}

import { M365_QUERY_PARAMS, m365ResultFromQuery } from '@saatja/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { m365ResultMessage } from './m365-messages';

/**
 * The same-window fallback (the popup was blocked) comes back to the card with the result in the
 * URL: shown once, then removed from the address so a reload does not repeat it.
 */
export function M365ReturnBanner() {
  const { t } = useTranslation();
  const [result] = useState(() => m365ResultFromQuery(new URLSearchParams(window.location.search)));

  useEffect(() => {
    const url = new URL(window.location.href);
    if (!M365_QUERY_PARAMS.some((name) => url.searchParams.has(name))) return;
    for (const name of M365_QUERY_PARAMS) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }, []);

  // Success shows as the Microsoft 365 section's own status; only other outcomes need a banner.
  if (!result || result.outcome === 'authenticated') return null;
  const message = m365ResultMessage(t, result);
  return <Banner tone={message.tone}>{message.text}</Banner>;
}

import { companySlug } from '../company-slug';

/** The company's event mailbox, `<company-slug>@<event domain>` (SPEC §4). */
export function eventMailbox(deployment: { companyName: string; eventDomain: string }): string {
  return `${companySlug(deployment.companyName)}@${deployment.eventDomain}`.toLowerCase();
}

/**
 * The messages of the card's parts that load on demand: the Microsoft 365 section and the
 * connection check's results (also the logs' failure texts). Merged into the first screen's.
 */
import { diagnosticsResults } from './diagnostics-results';
import { m365 } from './m365';

export const cardParts = { m365, diagnostics: diagnosticsResults };

export interface ReceivedMailSummary {
  id: number;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  headers: { from: string | null; to: string | null; subject: string | null; replyTo: string | null };
  text: string | null;
}

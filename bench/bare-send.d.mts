import type NodemailerModule from 'nodemailer';

export function bareSend(
  nodemailer: typeof NodemailerModule,
  target: {
    port: number;
    ca: string;
    from?: string;
    auth?: { user: string; pass: string } | { type: 'OAuth2'; user: string; accessToken: string };
  },
): Promise<number>;

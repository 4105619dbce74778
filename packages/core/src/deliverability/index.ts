export * from './dmarc-policy';
export * from './facts';
export * from './mail-provider';
export * from './query';
export * from './spf-fix';
export * from './verdict';

export * from './auth';
export * from './card';
export * from './company-slug';
export * from './effective-config';
export * from './errors';
export * from './mail-settings';
export * from './smtp-password';

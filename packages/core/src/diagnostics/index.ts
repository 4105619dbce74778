export * from './check-events';
export * from './classify-failure';
export * from './failure-classes';
export * from './send-log';
export * from './smtp-failure';

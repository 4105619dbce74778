export * from './api-tokens';
export * from './outbox-views';
export * from './retry-policy';
export * from './send-api';
export * from './sending-limits';

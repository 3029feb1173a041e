export * from './kafka-client';
export * from './ensure-topics';
export * from './message-event-id';
export * from './kafka-membership-change-sink';

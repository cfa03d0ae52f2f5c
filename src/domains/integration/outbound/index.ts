export { outboundRoutes } from './routes.js';
export { webhookConsumer, WEBHOOK_JOB } from './fanout.js';
export { webhookJob, attemptDelivery, type DeliveryDeps } from './delivery.js';
export { createNatsPublisher, natsJob, natsSubject, NATS_STREAM, type NatsPublisher } from './nats.js';
export { deliveryPurgeJob, webhookFanoutJob, FANOUT_JOB } from './jobs.js';
export { natsMessageId } from './nats.js';
export { pausedWebhooksOf } from './paused.queries.js';

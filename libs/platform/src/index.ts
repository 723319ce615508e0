export { AppConfig, ConfigError, loadConfig, loadConfigOrExit, staffRoleMap, type NodeEnvironment } from './config/app-config';
export { ConfigModule } from './config/config.module';
export { dataSourceOptions } from './database/data-source-options';
export { DatabaseModule } from './database/database.module';
export { inTransaction } from './database/transaction';
export { queryPrepared } from './infrastructure/prepared-query';
export { Batcher } from './database/batcher';
export { ALL_QUEUES, QueueName, isQueueName } from './queues/queue-name';
export { defineJob, jobKey, HandlesJob, JOB_HANDLER_METADATA, type JobContext, type JobDefinition, type JobHandler } from './queues/job-definition';
export { QueueRegistry, QueuesModule, DEFAULT_JOB_OPTIONS } from './queues/queues.module';
export { ContributedJobs, JOB_CATALOG_PROVIDER, JobCatalog, jobDefinitions } from './queues/job-catalog';
export { redisConnectionOptions, REDIS_START_HINT } from './queues/redis-connection';
export { PROBLEM_CONTENT_TYPE, problemType, type FieldProblem, type ProblemDetails } from './http/problem-details';
export { ProblemDetailsFilter } from './http/problem-details.filter';
export { clientErrorHandler, frameworkErrors } from './http/framework-problems';
export { createValidationPipe, flattenValidationErrors, InputValidationException } from './http/validation.problem';
export { AcceptsFile, BodyLimit, DEFAULT_BODY_LIMIT_BYTES, installRequestBodyHandling, MAX_JSON_DEPTH, RequestBodyRefused } from './http/request-body';
export { IsEmailAddress } from './http/is-email-address';
export { unsafeTextProblems, MULTI_LINE_FROM } from './http/text-input.rule';
export { IsCalendarDate, isCalendarDate } from './http/calendar-date.rule';
export { Omittable } from './http/omittable.rule';
export { DOMAIN_ERROR_STATUSES_PROVIDER, DomainErrorStatuses, DomainErrorStatusTable, domainErrorStatuses } from './http/domain-error-statuses';
export { createRootLogger, scrubSecrets } from './logging/logger';
export {
  currentRequestId,
  installRequestLogging,
  LoggingModule,
  REQUEST_ID_HEADER,
  REQUEST_ID_KEY,
  requestIdOf,
  runWithLogger,
} from './logging/logging.module';
export { HealthModule } from './health/health.module';
export { HealthService, type HealthReport, type ComponentHealth } from './health/health.service';
export { assertRedisReachable } from './queues/redis-preflight';
export { projectRoot } from './config/project-root';
export { ClockModule } from './config/clock.module';
export { auditChainKey, PersonalDataCipher } from './crypto/personal-data.cipher';

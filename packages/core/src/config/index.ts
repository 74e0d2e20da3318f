export { secret, isSecretSchema, SECRET_METADATA } from "./secret.ts";
export { secretPaths, secretLocations, matchesSecretPath, type SecretPath } from "./secret-paths.ts";
export { redact, collectSecretValues, scrubSecrets, secretScrubber, withJsonSpellings, secretSpellings, REDACTED } from "./redact.ts";
export { issuePath } from "./issue-path.ts";
export { toConfigIssue, type ConfigIssue } from "./config-issue.ts";
export { parseConfig, safeParseConfig, type ConfigResult, type ParseConfigOptions } from "./parse-config.ts";
export { toConfigJsonSchema, type JsonSchema } from "./to-config-json-schema.ts";
export { schemaAtPath } from "./schema-at-path.ts";

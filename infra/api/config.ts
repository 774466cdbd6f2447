/**
 * `azure-ai-models/config`: the `azure-ai-models:*` stack config: its namespace, its zod schemas and their types,
 * reading and validating it (every problem at once, each with its config path), and the error that lists them. This
 * file is the entry point's whole surface (checked against `api/config.api.md`); the checks and message helpers in
 * `infra/config/` are internal.
 */
export {
    CONFIG_NAMESPACE,
    stackConfigSchema,
    workspaceSchema,
    projectSchema,
    existingWorkspaceSchema,
    deploymentSchema,
    customModelSchema,
    onlineEndpointSchema,
    managedDeploymentSchema,
    probeSchema,
    principalSchema,
    type StackConfig,
    type PrincipalConfig,
    type ProjectConfig,
    type WorkspaceConfig,
    type ExistingWorkspaceConfig,
    type DeploymentConfig,
    type CustomModelConfig,
    type OnlineEndpointConfig,
    type ManagedDeploymentConfig,
    type ProbeConfig,
} from "../config/schema";
export {
    foundrySchema,
    foundryProjectSchema,
    foundryDeploymentSchema,
    contentFilterSchema,
    contentFilterRuleSchema,
    type FoundryConfig,
    type FoundryProjectConfig,
    type FoundryDeploymentConfig,
    type ContentFilterConfig,
    type ContentFilterRuleConfig,
} from "../config/foundrySchema";
export { loadStackConfig, namespaceValues, configuredToday } from "../config";
export {
    validateStackConfig,
    type ValidateOptions,
    type ValidationResult,
    type ValidStackConfig,
} from "../config/validate";
export { ConfigValidationError, formatIssues, type ConfigIssue } from "../config/issues";

/**
 * azure-ai-models as a library: the components, the model catalog, the stack config schema and its validation,
 * and `defineStack`, which composes everything from validated config (what this repository's own stack program
 * does). Subpath exports: `azure-ai-models/components`, `azure-ai-models/catalog`, `azure-ai-models/config`, each
 * from its file in `infra/api/`. What these entry points export is the package's public API, recorded in `api/`
 * (`npm run api:check`); everything else is internal.
 *
 * ```ts
 * import { ServerlessModelEndpoint, catalog } from "azure-ai-models";
 * ```
 */
export * from "./api/components";
export {
    defineStack,
    type StackOutputs,
    type DeploymentOutput,
    type ServerlessClientOutput,
    type OnlineEndpointOutput,
    type FoundryOutput,
    type FoundryDeploymentOutput,
} from "./stack";
export {
    loadStackConfig,
    validateStackConfig,
    stackConfigSchema,
    ConfigValidationError,
    type ConfigIssue,
    type StackConfig,
    type ValidStackConfig,
} from "./api/config";
export * as catalog from "./api/catalog";
export * as config from "./api/config";

// Pulumi runs a component package as `run-plugin <package dir>`, which loads package.json's `main` (this module,
// built): start the package's own provider (secret outputs marked in its schema) instead of run-plugin's plain one.
if (/[\\/]@pulumi[\\/]pulumi[\\/]cmd[\\/]run-plugin[\\/]/.test(require.main?.filename ?? "")) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./provider");
}

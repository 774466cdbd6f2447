/** The config namespace, on its own so that the lowest config modules (issue paths) can name it without the schema. */

/** The config namespace: the project name in `Pulumi.yaml`. */
export const CONFIG_NAMESPACE = "azure-ai-models";

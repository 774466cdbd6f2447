/** Serverless model ids never carry a version: `azureml://registries/<registry>/models/<name>`. */
export const SERVERLESS_MODEL_ID = /^azureml:\/\/registries\/[A-Za-z0-9._-]+\/models\/[A-Za-z0-9._-]+$/;
/** Managed deployment model ids always end in `/versions/<n>`. */
export const MANAGED_MODEL_ID = /^azureml:\/\/registries\/[A-Za-z0-9._-]+\/models\/[A-Za-z0-9._-]+\/versions\/[0-9]+$/;

/**
 * An application's stack that uses models the platform team deployed: it reads the platform stacks' outputs through
 * `StackReference`s and hands them to an Azure App Service web app as application settings, where the app reads
 * them as environment variables and builds two `openai` clients (`new OpenAI({ baseURL, apiKey })`):
 *
 * - a hub **serverless** deployment, through its `client` output: the OpenAI-compatible base URL (`<endpoint>/v1`),
 *   the `model` to send and the endpoint's primary key (sent as `Authorization: Bearer <key>`);
 * - a **Foundry** deployment (optional, `foundryDeployment`), through its `openAiBaseUrl`
 *   (`https://<sub>.openai.azure.com/openai/v1/`), its `model` (the deployment name) and its `entraScope`. Local
 *   auth is off on a Foundry resource by default, so there is no key: the app's system-assigned managed identity gets
 *   a token for `entraScope` (`getBearerTokenProvider(new DefaultAzureCredential(), scope)` as the client's apiKey).
 *   The platform team grants that identity the Foundry User role by adding the exported `appPrincipalId` under
 *   `azure-ai-models:foundry.principals`.
 *
 * The serverless key stays a secret end to end: the platform stack exports it as a secret, the StackReference
 * output that holds it arrives secret, and the web app's `siteConfig` (which carries it) is therefore stored
 * encrypted in this stack's state and shown as `[secret]`. Nothing here prints or exports the key. Only the URL and
 * the model are taken out of the secret (`pulumi.unsecret`), because the whole `deployments` output arrives secret
 * and they are not. For production, prefer a Key Vault reference (`@Microsoft.KeyVault(SecretUri=...)`) in the app
 * setting, or a Foundry deployment, which needs no key at all.
 *
 * `azure-ai-models` is only a type import here (the shape of the outputs): this stack needs the platform stacks,
 * not the library.
 */
import * as resources from "@pulumi/azure-native/resources";
import * as web from "@pulumi/azure-native/web";
import * as pulumi from "@pulumi/pulumi";
import type { DeploymentOutput, FoundryOutput } from "azure-ai-models";

/** One entry of the platform stack's `deployments` output, as a referencing stack reads it. */
type Deployment = pulumi.Unwrap<DeploymentOutput>;
/** The platform stack's `foundry` output, as a referencing stack reads it. */
type Foundry = pulumi.Unwrap<FoundryOutput>;

const config = new pulumi.Config();
const deploymentName = config.require("deployment");
const platformStack = config.require("platformStack");
const foundryDeploymentName = config.get("foundryDeployment");
const foundryStack = config.get("foundryStack") ?? platformStack;

/** Picks one entry of a map output, naming the ones there are when it is missing. */
function pick<T>(all: Record<string, T> | undefined, name: string, what: string): T {
    const found = all?.[name];
    if (!found)
        throw new Error(`the platform stack has no ${what} "${name}"; it has: ${Object.keys(all ?? {}).join(", ")}`);
    return found;
}

const platform = new pulumi.StackReference(platformStack);
const deployments = platform.requireOutput("deployments") as pulumi.Output<Record<string, Deployment>>;
const deployment = deployments.apply((all) => pick(all, deploymentName, "deployment"));

/** The serverless deployment's OpenAI-compatible client: base URL and `model`, not secrets. */
const client = deployment.apply((d) => {
    if (!d.client)
        throw new Error(`deployment "${deploymentName}" (${d.model}) has no chat or completions route to call`);
    return d.client;
});
const baseURL = pulumi.unsecret(client.apply((c) => c.baseURL));
const model = pulumi.unsecret(client.apply((c) => c.model));
/** The endpoint's primary key: secret, and kept so explicitly. */
const apiKey = pulumi.secret(deployment.apply((d) => d.primaryKey));

/** The Foundry deployment, when one is named: base URL, `model` and Entra ID scope (no key). */
const foundryDeployment =
    foundryDeploymentName === undefined
        ? undefined
        : (
              (foundryStack === platformStack ? platform : new pulumi.StackReference(foundryStack)).requireOutput(
                  "foundry",
              ) as pulumi.Output<Foundry>
          ).apply((f) => pick(f.deployments, foundryDeploymentName, "Foundry deployment"));

const location = new pulumi.Config("azure-native").require("location");
const group = new resources.ResourceGroup("chat-app-rg", { location });

const plan = new web.AppServicePlan("chat-app-plan", {
    resourceGroupName: group.name,
    location: group.location,
    kind: "linux",
    reserved: true,
    sku: { name: "B1", tier: "Basic" },
});

const appSettings: { name: string; value: pulumi.Input<string> }[] = [
    { name: "AZURE_AI_BASE_URL", value: baseURL },
    { name: "AZURE_AI_MODEL", value: model },
    { name: "AZURE_AI_API_KEY", value: apiKey },
];
if (foundryDeployment)
    appSettings.push(
        { name: "FOUNDRY_OPENAI_BASE_URL", value: foundryDeployment.apply((d) => d.openAiBaseUrl) },
        { name: "FOUNDRY_MODEL", value: foundryDeployment.apply((d) => d.model) },
        { name: "FOUNDRY_ENTRA_SCOPE", value: foundryDeployment.apply((d) => d.entraScope) },
    );

const app = new web.WebApp("chat-app", {
    resourceGroupName: group.name,
    location: group.location,
    serverFarmId: plan.id,
    kind: "app,linux",
    httpsOnly: true,
    // The identity the app's DefaultAzureCredential uses for the Foundry deployment's Entra ID token.
    identity: { type: web.ManagedServiceIdentityType.SystemAssigned },
    siteConfig: {
        linuxFxVersion: "NODE|22-lts",
        minTlsVersion: "1.2",
        ftpsState: "Disabled",
        appSettings,
    },
});

/** Where the app runs. */
export const appUrl = pulumi.interpolate`https://${app.defaultHostName}`;
/** The serverless deployment's OpenAI-compatible base URL the app calls (the key is deliberately not exported). */
export const modelBaseUrl = baseURL;
/** The Foundry deployment the app calls: base URL and `model`, when one is named. */
export const foundryModel = foundryDeployment?.apply((d) => ({ baseURL: d.openAiBaseUrl, model: d.model }));
/** Add under `azure-ai-models:foundry.principals` (principalType ServicePrincipal) of the platform stack. */
export const appPrincipalId = app.identity.apply((i) => i?.principalId);

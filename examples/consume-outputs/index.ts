/**
 * An application's stack that uses a model the platform team deployed: it reads the platform stack's outputs
 * through a `StackReference` (the endpoint's chat completions URL and its primary key) and hands them to an Azure
 * App Service web app as application settings, where the app reads them as environment variables.
 *
 * The key stays a secret end to end: the platform stack exports it as a secret, the StackReference output that
 * holds it arrives secret, and the web app's `siteConfig` (which carries it) is therefore stored encrypted in this
 * stack's state and shown as `[secret]`. Nothing here prints or exports the key. Only the URL is taken out of the
 * secret (`pulumi.unsecret`), because the whole `deployments` output arrives secret and a URL is not one.
 *
 * For production, prefer a Key Vault reference (`@Microsoft.KeyVault(SecretUri=...)`) in the app setting and a
 * managed identity allowed to read it, so the key is not in the app's configuration at all.
 *
 * `azure-ai-models` is only a type import here (the shape of a deployment output): this stack needs the platform
 * stack, not the library.
 */
import * as resources from "@pulumi/azure-native/resources";
import * as web from "@pulumi/azure-native/web";
import * as pulumi from "@pulumi/pulumi";
import type { DeploymentOutput } from "azure-ai-models";

/** One entry of the platform stack's `deployments` output, as a referencing stack reads it. */
type Deployment = pulumi.Unwrap<DeploymentOutput>;

const config = new pulumi.Config();
const deploymentName = config.require("deployment");

const platform = new pulumi.StackReference(config.require("platformStack"));
const deployments = platform.requireOutput("deployments") as pulumi.Output<Record<string, Deployment>>;
const deployment = deployments.apply((all) => {
    const d = all[deploymentName];
    if (!d)
        throw new Error(
            `the platform stack has no deployment "${deploymentName}"; it has: ${Object.keys(all).join(", ")}`,
        );
    return d;
});

/** The Azure AI model inference chat completions URL: not a secret. */
const chatCompletionsUrl = pulumi.unsecret(
    deployment.apply((d) => d.routes.chatCompletions ?? `${d.uri}/chat/completions`),
);
const model = pulumi.unsecret(deployment.apply((d) => d.model));
/** The endpoint's primary key: secret, and kept so explicitly. */
const apiKey = pulumi.secret(deployment.apply((d) => d.primaryKey));

const location = new pulumi.Config("azure-native").require("location");
const group = new resources.ResourceGroup("chat-app-rg", { location });

const plan = new web.AppServicePlan("chat-app-plan", {
    resourceGroupName: group.name,
    location: group.location,
    kind: "linux",
    reserved: true,
    sku: { name: "B1", tier: "Basic" },
});

const app = new web.WebApp("chat-app", {
    resourceGroupName: group.name,
    location: group.location,
    serverFarmId: plan.id,
    kind: "app,linux",
    httpsOnly: true,
    siteConfig: {
        linuxFxVersion: "NODE|22-lts",
        minTlsVersion: "1.2",
        ftpsState: "Disabled",
        appSettings: [
            { name: "AZURE_AI_CHAT_COMPLETIONS_URL", value: chatCompletionsUrl },
            { name: "AZURE_AI_MODEL", value: model },
            { name: "AZURE_AI_API_KEY", value: apiKey },
        ],
    },
});

/** Where the app runs. */
export const appUrl = pulumi.interpolate`https://${app.defaultHostName}`;
/** The model endpoint the app calls (the key is deliberately not exported). */
export const modelEndpoint = chatCompletionsUrl;

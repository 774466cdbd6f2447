/**
 * Records of the App Service types an application stack puts next to the models (the `consume-outputs` example):
 * the plan shows and diffs them like any other resource.
 */
import { IN_RESOURCE_GROUP, LOCATION } from "./common";
import type { ResourceType } from "./types";

export const APP_SERVICE_PLAN: ResourceType = {
    type: "azure-native:web:AppServicePlan",
    title: "App Service plan",
    nameInput: "name",
    armId: { under: "resource group", path: (_, n) => `Microsoft.Web/serverfarms/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    keyInputs: ["name", "kind", "sku.name", "reserved"],
};

export const WEB_APP: ResourceType = {
    type: "azure-native:web:WebApp",
    title: "App Service web app",
    nameInput: "name",
    armId: { under: "resource group", path: (_, n) => `Microsoft.Web/sites/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    keyInputs: ["name", "kind", "serverFarmId", "httpsOnly", "identity.type"],
};

/**
 * The location the plan gives a resource that sets none, in azure-native's order (`getDefaultLocation` in
 * pulumi/pulumi-azure-native provider/pkg/provider/provider.go, see docs/fidelity.md): the `azure-native:location`
 * config first, else the location of the resource group it names, else unknown (with a warning, never judged).
 */
import { describe, expect, it } from "vitest";
import { fillEngineLocations } from "../../plan/run/run";
import { UNKNOWN, type PlannedResource } from "../../plan/run/types";
import { plannedResource } from "../helpers/planned";

function resource(name: string, type: string, inputs: Record<string, unknown>): PlannedResource {
    return plannedResource(type, name, inputs);
}

const GROUP = "azure-native:resources:ResourceGroup";
const STORAGE = "azure-native:storage:StorageAccount";

function planned(config: Record<string, string>) {
    const resources = [
        resource("rg", GROUP, { resourceGroupName: "rg-west", location: "westeurope" }),
        resource("st", STORAGE, { resourceGroupName: "RG-West", accountName: "st" }),
        resource("elsewhere", STORAGE, { resourceGroupName: "rg-not-in-program", accountName: "st2" }),
        resource("set", STORAGE, { resourceGroupName: "rg-west", accountName: "st3", location: "swedencentral" }),
    ];
    const warnings = fillEngineLocations(resources, config);
    return { at: (n: string) => resources.find((r) => r.name === n)!.inputs.location, warnings };
}

describe("fillEngineLocations", () => {
    it("takes azure-native:location over the resource group's location, as the provider does", () => {
        const p = planned({ "azure-native:location": "eastus2" });
        expect(p.at("st")).toBe("eastus2");
        expect(p.at("elsewhere")).toBe("eastus2");
        expect(p.at("set")).toBe("swedencentral");
        expect(p.warnings).toEqual([]);
    });

    it("without the config, takes the location of the group the program creates (names compared case-insensitively)", () => {
        const p = planned({});
        expect(p.at("st")).toBe("westeurope");
        expect(p.at("set")).toBe("swedencentral");
        // A group the program does not create: the provider reads it from Azure; offline it is unknown, and said so.
        expect(p.at("elsewhere")).toBe(UNKNOWN);
        expect(p.warnings).toEqual([
            {
                path: "urn:pulumi:dev::azure-ai-models::azure-native:storage:StorageAccount::elsewhere",
                message:
                    "sets no location and neither azure-native:location nor the location of its resource group is known offline: its region is not judged offline",
            },
        ]);
    });
});

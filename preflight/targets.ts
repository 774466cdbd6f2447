/**
 * What the preflight asks Azure about, read from an offline plan: the Foundry accounts (name, resource group,
 * region, subdomain) and deployments (model, version, SKU, capacity), the managed-compute VM sizes and core quota
 * rows, and the write actions the deployer needs per resource group.
 */
import { WRITE_ACTIONS } from "../infra/catalog/armReads";
import { syntheticRandom } from "../plan/run/mocks";
import { UNKNOWN, type Plan, type PlannedResource, type QuotaRow } from "../plan/run/types";

export interface AccountTarget {
    /** Logical (Pulumi) name. */
    resource: string;
    name: string;
    resourceGroup: string;
    location: string;
    subdomain: string;
    /** The name holds a random suffix the plan made up (the real one is drawn at `pulumi up` and kept in state). */
    synthetic: boolean;
}

export interface DeploymentTarget {
    /** `account/deployment`. */
    label: string;
    account: AccountTarget;
    name: string;
    format: string;
    model: string;
    version: string;
    sku: string;
    capacity: number;
}

export interface ManagedTarget {
    /** `endpoint/deployment`. */
    label: string;
    location: string;
    instanceType: string;
}

export interface PreflightTargets {
    accounts: AccountTarget[];
    deployments: DeploymentTarget[];
    managed: ManagedTarget[];
    /** Managed-compute core quota per region and VM family, as the plan computed it. */
    quota: QuotaRow[];
    /** Write actions needed, per resource group, each with the resources that need it. */
    actions: Map<string, Map<string, string[]>>;
    /** What the plan leaves unknown, so the preflight cannot ask about it. */
    unknown: { resource: string; reason: string }[];
}

const known = (v: unknown): v is string => typeof v === "string" && v !== UNKNOWN && v !== "";
const at = (o: unknown, ...keys: string[]): unknown =>
    keys.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);

/**
 * The targets of a plan. `deployedNames` maps a planned account name to the name it has in Azure (from the stack's
 * outputs), replacing a made-up random suffix by the real one.
 */
export function preflightTargets(plan: Plan, deployedNames: Record<string, string> = {}): PreflightTargets {
    const suffixes = plan.resources
        .filter((r) => r.type === "random:index/randomString:RandomString")
        .map((r) => syntheticRandom(r.name, Number(r.inputs.length ?? 6)));
    const out: PreflightTargets = {
        accounts: [],
        deployments: [],
        managed: [],
        quota: plan.quota ?? [],
        actions: new Map(),
        unknown: [],
    };
    for (const r of plan.resources.filter((x) => x.custom)) {
        addAction(out, r);
        if (r.type === "azure-native:cognitiveservices:Account") addAccount(out, r, suffixes, deployedNames);
        if (r.type === "azure-native:machinelearningservices:OnlineDeployment") {
            const instanceType = at(r.inputs, "properties", "instanceType");
            if (known(instanceType) && known(r.inputs.location))
                out.managed.push({
                    label: `${String(r.inputs.endpointName)}/${String(r.inputs.deploymentName ?? r.name)}`,
                    location: r.inputs.location.toLowerCase(),
                    instanceType,
                });
        }
    }
    for (const r of plan.resources.filter((x) => x.type === "azure-native:cognitiveservices:Deployment"))
        addDeployment(out, r, deployedNames);
    return out;
}

function addAction(out: PreflightTargets, r: PlannedResource): void {
    const action = WRITE_ACTIONS[r.type];
    if (!action) {
        if (r.type.startsWith("azure-native:"))
            out.unknown.push({
                resource: r.name,
                reason: `no write action known for ${r.type}: permissions not checked`,
            });
        return;
    }
    const rg =
        r.type === "azure-native:resources:ResourceGroup" ? r.inputs.resourceGroupName : r.inputs.resourceGroupName;
    // Resources without a resource group of their own (role assignments, diagnostic settings) are created under
    // their scope; the plan's stack puts those in the stack's resource group.
    const group = known(rg) ? rg : firstGroup(out);
    if (!group) return;
    const byAction = out.actions.get(group) ?? new Map<string, string[]>();
    byAction.set(action, [...(byAction.get(action) ?? []), r.name]);
    out.actions.set(group, byAction);
}

function firstGroup(out: PreflightTargets): string | undefined {
    return [...out.actions.keys()][0];
}

function addAccount(
    out: PreflightTargets,
    r: PlannedResource,
    suffixes: string[],
    deployed: Record<string, string>,
): void {
    const planned = r.inputs.accountName;
    const rg = r.inputs.resourceGroupName;
    const location = r.inputs.location;
    if (!known(planned) || !known(rg) || !known(location)) {
        out.unknown.push({
            resource: r.name,
            reason: "its name, resource group or region is unknown until Azure creates what it depends on",
        });
        return;
    }
    const real = deployed[planned];
    const subdomain = at(r.inputs, "properties", "customSubDomainName");
    const synthetic = real === undefined && suffixes.some((s) => planned.endsWith(`-${s}`));
    const name = real ?? planned;
    out.accounts.push({
        resource: r.name,
        name,
        resourceGroup: rg,
        location: location.toLowerCase().replace(/\s+/g, ""),
        subdomain: real ?? (known(subdomain) ? subdomain : planned),
        synthetic,
    });
}

function addDeployment(out: PreflightTargets, r: PlannedResource, deployed: Record<string, string>): void {
    const accountName = r.inputs.accountName;
    const name = String(r.inputs.deploymentName ?? r.name);
    const account = out.accounts.find(
        (a) => a.name === accountName || (known(accountName) && deployed[accountName] === a.name),
    );
    const model = at(r.inputs, "properties", "model");
    const [format, modelName, version] = ["format", "name", "version"].map((k) => at(model, k));
    const sku = at(r.inputs, "sku", "name");
    const capacity = at(r.inputs, "sku", "capacity");
    if (
        !account ||
        !known(format) ||
        !known(modelName) ||
        !known(version) ||
        !known(sku) ||
        typeof capacity !== "number"
    ) {
        out.unknown.push({
            resource: r.name,
            reason: account
                ? "its model, version, SKU or capacity is not known in the plan"
                : "its account is not one the plan creates with a known name and region",
        });
        return;
    }
    out.deployments.push({
        label: `${account.name}/${name}`,
        account,
        name,
        format,
        model: modelName,
        version,
        sku,
        capacity,
    });
}

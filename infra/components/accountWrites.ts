import type * as pulumi from "@pulumi/pulumi";

/** One write to a Foundry account: what it is (`deployment chat`) and the resource that makes it. */
export interface AccountWrite {
    label: string;
    resource: pulumi.Resource;
}

/**
 * The writes to one Foundry account, made one after another. Azure answers a write to an account (a project, content
 * filter, blocklist, deployment, diagnostic setting, role assignment, private endpoint) while another one runs with
 * 409 "Another operation is being performed on the parent resource", so each write depends on the one before it:
 * the chain is the order `pulumi up` follows for the account, and its length the account's critical path.
 *
 * `FoundryAccount` starts the chain with its own writes (the diagnostic setting, then the role assignments);
 * `account.writes()` hands it to whatever writes to the account next:
 *
 * ```ts
 * const chain = account.writes();
 * chain.push("deployment chat", (dependsOn) => new FoundryModelDeployment("chat", {...}, { dependsOn }));
 * // a private endpoint after every write: { dependsOn: chain.after() }
 * ```
 */
export class AccountWriteChain {
    private readonly list: AccountWrite[] = [];

    /** @param start the account: the first write waits for it */
    constructor(private readonly start: pulumi.Resource) {}

    /** What the next write must depend on: the last write, or the account when there is none yet. */
    after(): pulumi.Resource[] {
        return [this.list.at(-1)?.resource ?? this.start];
    }

    /** Appends a write created with `dependsOn: after()`. */
    add<T extends pulumi.Resource>(label: string, resource: T): T {
        this.list.push({ label, resource });
        return resource;
    }

    /** Creates the next write with `dependsOn` the chain's last write, and appends it. */
    push<T extends pulumi.Resource>(label: string, build: (dependsOn: pulumi.Resource[]) => T): T {
        return this.add(label, build(this.after()));
    }

    /** The writes so far, in chain order. */
    writes(): readonly AccountWrite[] {
        return [...this.list];
    }
}

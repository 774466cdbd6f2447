/**
 * A misspelt namespace must not drop settings silently: keys in a namespace a letter or two off `azure-ai-models`,
 * or one of our keys under another namespace, fail with a suggestion before anything is registered.
 */
import { describe, expect, it } from "vitest";
import { ConfigValidationError, namespaceIssues } from "../../infra/config";
import { registered, runStack, toPulumiConfig } from "../helpers/stack";
import { captureProgram } from "../../plan/run/capture";
import { loadStackConfig } from "../../infra/config";
import { defineStack } from "../../infra/stack";

const WS = { name: "aim", location: "eastus2", projects: [{ name: "chat" }] };
const DEPLOYMENTS = [{ name: "ministral", model: "Ministral-3B", project: "chat" }];

describe("misspelt namespace", () => {
    it("fails on azure-ai-model:deployments with the key it meant, and registers nothing", async () => {
        const config = {
            ...toPulumiConfig({ workspace: WS }),
            ...toPulumiConfig({ deployments: DEPLOYMENTS }, "azure-ai-model"),
        };
        const run = await captureProgram(() => defineStack(loadStackConfig({ today: new Date("2026-11-21") })), {
            project: "azure-ai-models",
            stack: "test",
            config,
        });
        expect(run.error).toBeInstanceOf(ConfigValidationError);
        expect((run.error as ConfigValidationError).issues).toEqual([
            {
                path: "azure-ai-model:deployments",
                message:
                    'namespace "azure-ai-model" is not "azure-ai-models": this program reads only azure-ai-models:* and would ignore it; did you mean azure-ai-models:deployments?',
            },
        ]);
        expect(registered(run)).toEqual([]);
    });

    it("fails on one of our keys under another namespace; leaves other namespaces' own keys alone", () => {
        expect(
            namespaceIssues({
                "myapp:onlineEndpoints": "[]",
                "Azure_AI_Models:workspace": "{}",
                "azure-native:location": "eastus2",
                "myapp:owner": "team",
                "azure-ai-models:workspace": "{}",
            }),
        ).toEqual([
            {
                path: "myapp:onlineEndpoints",
                message:
                    '"onlineEndpoints" is a key of "azure-ai-models", not of "myapp": this program reads only azure-ai-models:* and would ignore it; did you mean azure-ai-models:onlineEndpoints?',
            },
            {
                path: "Azure_AI_Models:workspace",
                message:
                    'namespace "Azure_AI_Models" is not "azure-ai-models": this program reads only azure-ai-models:* and would ignore it; did you mean azure-ai-models:workspace?',
            },
        ]);
    });

    it("a correct stack still plans", async () => {
        const run = await runStack({ workspace: WS, deployments: DEPLOYMENTS });
        expect(run.error).toBeUndefined();
    });
});
